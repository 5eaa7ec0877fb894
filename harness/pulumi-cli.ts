import { execFileSync } from "child_process";
import { dirname, join } from "path";

import { repoRoot } from "./repo-root";

/**
 * The folder holding pulumi, pulumi-language-nodejs and pulumi-resource-pulumi-nodejs: the ones on PATH, or
 * the build cached by scripts/setup-pulumi.sh (built on first use). Asked once per process.
 */
export function pulumiBinDir(): string {
  if (!process.env.PULUMI_HELPDESK_BIN_DIR) {
    const out = execFileSync("bash", [join(repoRoot, "scripts", "setup-pulumi.sh")], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
    process.env.PULUMI_HELPDESK_BIN_DIR = out.trim().split("\n").pop();
  }
  return process.env.PULUMI_HELPDESK_BIN_DIR!;
}

/**
 * Environment for a fully offline Pulumi run against a local file backend. The provider's token cache goes
 * beside the state, in the project's scratch folder: tests share access tokens with nobody (not the user's
 * ~/.cache, not another test) unless they pass their own PULUMI_HELPDESK_TOKEN_CACHE_DIR.
 */
export function offlinePulumiEnv(stateDir: string, pulumiHome: string): NodeJS.ProcessEnv {
  return {
    PATH: `${pulumiBinDir()}:${process.env.PATH ?? ""}`,
    PULUMI_BACKEND_URL: `file://${stateDir}`,
    PULUMI_HOME: pulumiHome,
    PULUMI_CONFIG_PASSPHRASE: "pulumi-helpdesk-local-passphrase",
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    PULUMI_HELPDESK_TOKEN_CACHE_DIR: join(dirname(stateDir), ".token-cache"),
  };
}
