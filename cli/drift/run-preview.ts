import { spawn } from "child_process";

export interface PreviewRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * `pulumi preview --refresh --expect-no-changes --json` in the project folder: the refresh reads the live account into
 * the preview, so every change it proposes is a difference between the account and the program.
 */
export function runDriftPreview(cwd: string, stack: string | undefined): Promise<PreviewRun> {
  const args = ["preview", "--refresh", "--expect-no-changes", "--json", "--non-interactive", ...(stack ? ["--stack", stack] : [])];
  return new Promise((resolve, reject) => {
    const child = spawn("pulumi", args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", (error: NodeJS.ErrnoException) =>
      reject(new Error(error.code === "ENOENT" ? "the pulumi CLI is not on PATH (in GitHub Actions, add a `uses: pulumi/actions@v6` step first)" : error.message)));
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}
