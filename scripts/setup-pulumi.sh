#!/usr/bin/env bash
# Makes the Pulumi CLI, its Node.js language host (able to run Node policy packs) and the dynamic-provider launcher
# available, offline.
#
# Order: a `pulumi` already on PATH (with its language host) wins; else the build cached in the user cache
# folder; else a fresh build from the Go module proxy into that cache (about 3 minutes on 2 cores; the module
# downloads are cached by Go itself). Progress goes to stderr; the last line on stdout is the bin folder to put
# first on PATH. What was found on this machine, and why these versions, is in docs/pulumi-cli.md.
set -euo pipefail

CLI_VERSION=v3.259.0
# The proxy serves no version of the language-host module (github.com/pulumi/pulumi/sdk/nodejs/cmd/
# pulumi-language-nodejs/v3: 403 for every pseudo-version and commit). The host last lived inside sdk/v3 at
# v3.68.0, which the proxy does serve, and it drives SDK 3.248's run script fine (see docs/pulumi-cli.md).
HOST_SDK_VERSION=v3.68.0
# That host cannot start policy packs (its RunPlugin says "not supported"), so the pulumi-language-nodejs in the bin
# folder is a small front (scripts/language-host-shim) that forwards every call to the real host, renamed to this,
# and starts Node policy packs itself.
REAL_HOST=pulumi-language-nodejs-$HOST_SDK_VERSION

project_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cache_root=${PULUMI_HELPDESK_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-helpdesk}
prefix="$cache_root/pulumi-$CLI_VERSION"
bin="$prefix/bin"
launcher_src="$project_dir/node_modules/@pulumi/pulumi/pulumi-resource-pulumi-nodejs"
shim_src="$project_dir/scripts/language-host-shim"
shim_stamp="$bin/.language-host-shim.sha256"

say() { echo "[setup-pulumi] $*" >&2; }

ambient_pulumi() {
  local cli
  cli=$(command -v pulumi 2>/dev/null) || return 1
  case "$cli" in "$bin"/*) return 1 ;; esac
  local dir
  dir=$(dirname "$(readlink -f "$cli")")
  if [ -x "$dir/pulumi-language-nodejs" ] || command -v pulumi-language-nodejs >/dev/null 2>&1; then
    echo "$dir"
  else
    say "ignoring $cli: no pulumi-language-nodejs next to it or on PATH"
    return 1
  fi
}

cached_build_ok() {
  [ -x "$bin/pulumi" ] && [ -x "$bin/$REAL_HOST" ] &&
    [ "$(PULUMI_SKIP_UPDATE_CHECK=true "$bin/pulumi" version 2>/dev/null)" = "$CLI_VERSION" ]
}

write_cli_module() {
  mkdir -p "$1"
  cat > "$1/go.mod" <<GOMOD
module local/pulumi-cli-build

go 1.25.11

tool github.com/pulumi/pulumi/pkg/v3/cmd/pulumi

require (
	github.com/pulumi/pulumi/pkg/v3 $CLI_VERSION
	github.com/pulumi/pulumi/sdk/v3 $CLI_VERSION
)

// The one non-local replace in upstream pkg/go.mod; go install @version refuses modules that have replaces,
// hence this wrapper module.
replace github.com/atotto/clipboard => github.com/tgummerer/clipboard v0.0.0-20241001131231-d02d263e614e
GOMOD
}

write_host_module() {
  mkdir -p "$1"
  cat > "$1/go.mod" <<GOMOD
module local/pulumi-language-nodejs-build

go 1.25

tool github.com/pulumi/pulumi/sdk/v3/nodejs/cmd/pulumi-language-nodejs

require github.com/pulumi/pulumi/sdk/v3 $HOST_SDK_VERSION
GOMOD
}

go_build() { # module-dir version output package
  (cd "$1" && CGO_ENABLED=0 go build -trimpath -tags osusergo,grpcnotrace \
    -ldflags "-s -w -X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$2" -o "$3" "$4")
}

build_into_cache() {
  command -v go >/dev/null 2>&1 || { say "no Go toolchain on PATH: install Go >= 1.24 (the go machine has /usr/local/go/bin)"; exit 1; }
  local work="$cache_root/build"
  local partial
  partial=$(mktemp -d "$prefix/bin.partial.XXXXXX")
  say "building Pulumi CLI $CLI_VERSION from the Go module proxy into $prefix (one time, about 3-10 minutes)"
  write_cli_module "$work/cli"
  say "resolving CLI modules (go mod tidy)"
  (cd "$work/cli" && go mod tidy) >&2
  say "compiling pulumi"
  go_build "$work/cli" "$CLI_VERSION" "$partial/pulumi" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi >&2
  write_host_module "$work/host"
  say "resolving language host modules (sdk/v3 $HOST_SDK_VERSION)"
  (cd "$work/host" && go mod tidy) >&2
  say "compiling pulumi-language-nodejs"
  go_build "$work/host" "$HOST_SDK_VERSION" "$partial/$REAL_HOST" \
    github.com/pulumi/pulumi/sdk/v3/nodejs/cmd/pulumi-language-nodejs >&2
  chmod 0755 "$partial"
  rm -rf "$bin" && mv "$partial" "$bin"
  say "built $("$bin/pulumi" version 2>/dev/null)"
}

install_launcher() {
  [ -f "$launcher_src" ] || { say "missing $launcher_src: run npm install first"; exit 1; }
  if ! cmp -s "$launcher_src" "$bin/pulumi-resource-pulumi-nodejs" 2>/dev/null; then
    install -m 0755 "$launcher_src" "$bin/pulumi-resource-pulumi-nodejs"
  fi
}

# A cache made before the shim holds the real host under the plain name: keep a copy under its new name, so the
# cache stays usable (the shim replaces the plain name afterwards).
adopt_unshimmed_host() {
  if [ ! -e "$bin/$REAL_HOST" ] && [ ! -e "$shim_stamp" ] && [ -x "$bin/pulumi-language-nodejs" ]; then
    cp -p "$bin/pulumi-language-nodejs" "$bin/$REAL_HOST.partial" && mv "$bin/$REAL_HOST.partial" "$bin/$REAL_HOST"
  fi
}

shim_digest() { cat "$shim_src/go.mod" "$shim_src/go.sum" "$shim_src"/*.go | sha256sum | cut -d' ' -f1; }

# Built once per change of its source (about 30 s); the rename makes it appear whole to CLIs running meanwhile.
install_language_host_shim() {
  local digest
  digest=$(shim_digest)
  if [ -x "$bin/pulumi-language-nodejs" ] && [ "$(cat "$shim_stamp" 2>/dev/null)" = "$digest" ]; then return; fi
  command -v go >/dev/null 2>&1 || { say "no Go toolchain on PATH: cannot build the language host shim that runs policy packs"; exit 1; }
  say "building the language host shim (runs Node policy packs) into $bin"
  (cd "$shim_src" && CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o "$bin/pulumi-language-nodejs.partial" .) >&2
  mv -f "$bin/pulumi-language-nodejs.partial" "$bin/pulumi-language-nodejs"
  echo "$digest" > "$shim_stamp"
}

if dir=$(ambient_pulumi); then
  say "using the pulumi on PATH: $dir/pulumi ($(PULUMI_SKIP_UPDATE_CHECK=true "$dir/pulumi" version 2>/dev/null))"
  echo "$dir"
  exit 0
fi
# Test workers and a developer's second terminal may all arrive here at once: one builds, the others wait for it.
mkdir -p "$prefix"
exec 9>"$prefix/.lock"
flock 9
adopt_unshimmed_host
if cached_build_ok; then
  say "using cached build in $bin"
else
  build_into_cache
fi
install_launcher
install_language_host_shim
flock -u 9
echo "$bin"
