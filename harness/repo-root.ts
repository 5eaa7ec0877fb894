import { existsSync } from "fs";
import { dirname, join } from "path";

/** This checkout's root, whether the harness runs from source (vitest) or from dist/ (demo, bench). */
export const repoRoot: string = (() => {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, "scripts", "setup-pulumi.sh"))) return dir;
  }
  throw new Error(`cannot find the pulumi-helpdesk checkout above ${__dirname}`);
})();
