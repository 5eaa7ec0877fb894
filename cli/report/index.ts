import { readFileSync } from "fs";
import { checkOutFile, writeOut } from "../out-file";
import { OptionSpec, parseOptions, usage, wantsHelp } from "../options";
import { buildReport } from "./changes";
import { fitReport, GITHUB_COMMENT_LIMIT } from "./fit";
import { renderReport } from "./markdown";
import { parsePreview } from "./preview-json";

/** Below GitHub's limit, leaving room for what a workflow adds around the report. */
const DEFAULT_MAX_CHARS = 60_000;

export const OPTIONS = {
  "preview-json": { help: "the output of `pulumi preview --json` (default -: standard input)" },
  out: { help: "where to write the Markdown (default: standard output)" },
  "max-chars": {
    help: `cut the report at a line to fit N characters, saying so (default ${DEFAULT_MAX_CHARS}: a GitHub comment holds ${GITHUB_COMMENT_LIMIT}; 0: never cut)`,
    rule: { test: /^(0|[1-9]\d{3,})$/, says: "must be 0 (never cut) or a whole number of characters, at least 1000 (room for the totals and the notice of the cut)" },
  },
} satisfies Record<string, OptionSpec>;

/** npx pulumi-helpdesk report: a preview's access changes as Markdown for a pull-request comment. */
export async function run(argv: string[]): Promise<number> {
  if (wantsHelp(argv)) {
    process.stdout.write(usage("report", OPTIONS));
    return 0;
  }
  const values = parseOptions(argv, OPTIONS);
  const maxChars = Number(values["max-chars"] ?? DEFAULT_MAX_CHARS);
  if (values.out !== undefined) checkOutFile(values.out);
  const source = values["preview-json"] ?? "-";
  const markdown = renderReport(buildReport(parsePreview(readInput(source), `--preview-json ${source === "-" ? "- (standard input)" : source}`)));
  writeOut(values.out, fitReport(markdown, maxChars));
  return 0;
}

function readInput(source: string): string {
  // Typed without a pipe, the command would wait for a preview nobody is going to type.
  if (source === "-" && process.stdin.isTTY) {
    throw new Error("--preview-json: give a file, or pipe the preview in (`pulumi preview --json | npx pulumi-helpdesk report`); standard input is a terminal");
  }
  try {
    return readFileSync(source === "-" ? 0 : source, "utf8");
  } catch (error) {
    throw new Error(`--preview-json ${source}: cannot read it (${(error as Error).message})`);
  }
}
