import { spawn } from "child_process";
import { dirname, join } from "path";
import { PulumiProject, RunResult } from "../../harness/project";
import { offlinePulumiEnv } from "../../harness/pulumi-cli";
import { repoRoot } from "../../harness/repo-root";

/** `npx pulumi-helpdesk <args>` as a user runs it: the built bin, in its own process, standard input given. */
export function helpdeskCli(args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string; input?: string } = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(repoRoot, "dist", "cli", "main.js"), ...args], {
      cwd: options.cwd ?? repoRoot,
      env: { ...process.env, GITHUB_STEP_SUMMARY: "", ...options.env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr, output: stdout + stderr }));
    child.stdin.end(options.input ?? "");
  });
}

/** The environment a project's own `pulumi` runs get (its file backend, the offline CLI, the sandbox), for commands that run pulumi themselves. */
export function projectEnv(project: PulumiProject, sandboxEnv: Record<string, string>): NodeJS.ProcessEnv {
  const scratch = dirname(project.stateDir);
  return { ...offlinePulumiEnv(project.stateDir, join(scratch, ".pulumi-home")), PULUMI_NODEJS_TRANSPILE_ONLY: "true", ...sandboxEnv };
}
