// Run after `npm install` changes package-lock.json (npm run lock:complete).
//
// The npm registry mirror these machines reach serves only the linux-x64 builds of packages with per-platform
// binaries (rollup's @rollup/rollup-<os>-<cpu>, for one): the others answer 404, so `npm install` leaves them out
// of the lock file, and `npm ci` then refuses the lock as out of sync ("Missing: @rollup/rollup-darwin-arm64@").
// This adds each missing optional dependency as a bare entry (version and optional flag only); `npm ci` then
// accepts the lock, and skips those it cannot fetch, as it does for any optional dependency.
const fs = require("fs");
const path = require("path");

const lockPath = path.join(__dirname, "..", "package-lock.json");
const lock = JSON.parse(fs.readFileSync(lockPath, "utf8"));
const added = [];
for (const [location, entry] of Object.entries(lock.packages)) {
  for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${location}/node_modules/${name}`;
    const hoisted = `node_modules/${name}`;
    if (lock.packages[nested] || lock.packages[hoisted]) continue;
    if (!/^\d+\.\d+\.\d+$/.test(range)) continue; // only exact pins can be written without asking the registry
    lock.packages[hoisted] = { version: range, ...(entry.dev ? { dev: true } : {}), optional: true };
    added.push(`${name}@${range}`);
  }
}
lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))));
fs.writeFileSync(lockPath, JSON.stringify(lock, null, 2) + "\n");
console.log(added.length ? `added ${added.length} optional entries: ${added.join(", ")}` : "lock file already complete");
