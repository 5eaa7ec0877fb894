// Makes `require("pulumi-helpdesk/...")` resolve inside this checkout, as it does in a user's project after
// `npm install pulumi-helpdesk`. The resources' serialized provider loads the package by that name from the
// program's folder, so the demo and examples here need the same link a user's node_modules has.
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
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
