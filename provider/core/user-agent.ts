import { readFileSync } from "fs";
import { join } from "path";

/** "pulumi-helpdesk/<installed version>": vendors' logs, and our tests, can tell which release sent a call. */
export const userAgent: string = (() => {
  const pkg = JSON.parse(readFileSync(join(__dirname, "..", "..", "..", "package.json"), "utf8")) as { name: string; version: string };
  return `${pkg.name}/${pkg.version}`;
})();
