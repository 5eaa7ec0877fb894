import { existsSync, readFileSync } from "fs";
import { dirname, join } from "path";

/** "pulumi-helpdesk/<installed version>": vendors' logs, and our tests, can tell which release sent a call. */
export const userAgent: string = (() => {
  // The nearest package.json above this file: dist/provider/core/ when installed, provider/core/ in tests.
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest)) {
      const pkg = JSON.parse(readFileSync(manifest, "utf8")) as { name: string; version: string };
      return `${pkg.name}/${pkg.version}`;
    }
  }
  return "pulumi-helpdesk";
})();
