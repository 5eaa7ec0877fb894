import { readFileSync } from "fs";
import { checkOutFile, writeOut } from "../out-file";
import { helpText, OptionSpec, parseArgv } from "./argv";
import { buildReport } from "./changes";
import { fitReport, GITHUB_COMMENT_LIMIT } from "./fit";
import { renderReport } from "./markdown";
import { parsePreview } from "./preview-json";

/** Below GitHub's limit, leaving room for what a workflow adds around the report. */
const DEFAULT_MAX_CHARS = 60_000;

export const spec: OptionSpec = {
  usage: "usage: pulumi-helpdesk report [--preview-json FILE|-] [--out FILE.md] [--max-chars N]",
  options: {
    "preview-json": "the output of `pulumi preview --json` (default -: standard input)",
    out: "where to write the Markdown (default: standard output)",
    "max-chars": `cut the report at a line to fit N characters, saying so (default ${DEFAULT_MAX_CHARS}: a GitHub comment holds ${GITHUB_COMMENT_LIMIT}; 0: never cut)`,
  },
};

/** npx pulumi-helpdesk report: a preview's access changes as Markdown for a pull-request comment. */
export async function run(argv: string[]): Promise<number> {
  const { values, help } = parseArgv(argv, spec);
  if (help) {
    process.stdout.write(helpText(spec));
    return 0;
  }
  const maxChars = maxCharsOf(values["max-chars"]);
  if (values.out !== undefined) checkOutFile(values.out);
  const source = values["preview-json"] ?? "-";
  const markdown = renderReport(buildReport(parsePreview(readInput(source), `--preview-json ${source === "-" ? "- (standard input)" : source}`)));
  writeOut(values.out, fitReport(markdown, maxChars));
  return 0;
}

function maxCharsOf(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MAX_CHARS;
  if (!/^\d+$/.test(value)) throw new Error(`--max-chars ${value}: must be a whole number of characters (0: never cut)`);
  const n = Number(value);
  if (n !== 0 && n < 1000) throw new Error(`--max-chars ${value}: must be 0 (never cut) or at least 1000, room for the totals and the notice of the cut`);
  return n;
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
