// The `prepare` step. npm runs it after `npm install` in a clone, before `npm pack`, when installing from git
// (in npm's temporary clone, before packing it) and when a folder is installed with `npm install <folder>`.
//
// In a checkout (tsconfig.json and the sources are here): build dist/ with tsc, then make
// `require("pulumi-helpdesk/...")` resolve inside this checkout, as it does in a user's project after installing
// the package. The resources' serialized provider loads the package by that name from the program's folder, so the
// demo and examples here need the same link a user's node_modules has.
//
// In a packed copy (what `npm pack` produced: dist/ is built, there is no tsconfig.json and no source): nothing to
// do. This file ships in the tarball only so that `prepare` finds it there.
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const tsconfig = path.join(root, "tsconfig.json");
if (!fs.existsSync(tsconfig)) process.exit(0);

const tsc = spawnSync(process.execPath, [require.resolve("typescript/bin/tsc", { paths: [root] }), "-p", tsconfig], { stdio: "inherit" });
if (tsc.status !== 0) process.exit(tsc.status ?? 1);

const link = path.join(root, "node_modules", "pulumi-helpdesk");
let current;
try {
  current = fs.readlinkSync(link);
} catch {
  current = undefined;
}
if (current !== "..") {
  fs.rmSync(link, { recursive: true, force: true });
  fs.symlinkSync("..", link, "dir");
}
