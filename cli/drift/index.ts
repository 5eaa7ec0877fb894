import { appendFileSync, statSync } from "fs";
import { resolve } from "path";
import { OptionSpec, parseOptions, usage, wantsHelp } from "../options";
import { buildReport } from "../report/changes";
import { parsePreview, Preview, previewErrors } from "../report/preview-json";
import { PreviewRun, runDriftPreview } from "./run-preview";
import { renderDrift } from "./summary";

export const OPTIONS = {
  stack: { help: "the stack to check (default: the selected stack)" },
  cwd: { help: "the Pulumi project folder (default: the current folder)" },
  summary: { help: "a file to append the Markdown to (default in GitHub Actions: $GITHUB_STEP_SUMMARY)" },
} satisfies Record<string, OptionSpec>;

/** Exit codes: 7 on drift, as `pulumi preview --expect-no-changes` exits; 1 when the check itself could not run. */
export const DRIFT = 7;
export const CHECK_FAILED = 1;

/** npx pulumi-helpdesk drift: refresh, compare, and fail with the drifted cells when the account differs from the program. */
export async function run(argv: string[]): Promise<number> {
  if (wantsHelp(argv)) {
    process.stdout.write(usage("drift", OPTIONS));
    return 0;
  }
  const values = parseOptions(argv, OPTIONS);
  const cwd = projectFolder(values.cwd);
  // Checked before the preview, which takes minutes: a summary that cannot be written must not lose the verdict.
  if (values.summary) appendTo(values.summary, "", "--summary");
  const run = await runDriftPreview(cwd, values.stack);
  const preview = previewOf(run);
  if (typeof preview === "string") {
    publish(`## Drift check failed\n\nThe preview could not compare the account with the program:\n\n\`\`\`\n${preview}\n\`\`\`\n`, values.summary);
    return CHECK_FAILED;
  }
  publish(renderDrift(buildReport(preview), values.stack), values.summary);
  return run.code === 0 ? 0 : DRIFT;
}

/**
 * The preview when it planned: a non-zero exit with proposed steps and no error is the drift verdict itself (the
 * engine's, so a difference in a secret input counts even though the summary cannot show it). Otherwise the reason.
 */
function previewOf(run: PreviewRun): Preview | string {
  let preview: Preview;
  try {
    preview = parsePreview(run.stdout, "pulumi preview --json");
  } catch (error) {
    return run.stderr.trim() || (error as Error).message;
  }
  const errors = previewErrors(preview);
  if (errors.length > 0) return errors.join("\n");
  const proposed = preview.steps.some((step) => step.op !== "same" && step.op !== "refresh");
  if (run.code !== 0 && !proposed) return run.stderr.trim() || `pulumi preview exited with ${run.code}`;
  return preview;
}

/** The --cwd folder, refused by name when it is missing or a file (spawning there fails with a bare ENOENT). */
function projectFolder(cwd: string | undefined): string {
  const folder = resolve(cwd ?? ".");
  if (cwd === undefined) return folder;
  const kind = statSync(folder, { throwIfNoEntry: false });
  if (!kind) throw new Error(`--cwd ${cwd}: no such folder; give the folder that holds the project's Pulumi.yaml`);
  if (!kind.isDirectory()) throw new Error(`--cwd ${cwd}: not a folder; give the folder that holds the project's Pulumi.yaml`);
  return folder;
}

function appendTo(path: string, text: string, source: string): void {
  try {
    appendFileSync(path, text);
  } catch (error) {
    throw new Error(`${source} ${path}: cannot write to it (${(error as Error).message})`);
  }
}

function publish(markdown: string, summary: string | undefined): void {
  process.stdout.write(markdown);
  if (summary) appendTo(summary, `${markdown}\n`, "--summary");
  else if (process.env.GITHUB_STEP_SUMMARY) appendTo(process.env.GITHUB_STEP_SUMMARY, `${markdown}\n`, "$GITHUB_STEP_SUMMARY");
}
