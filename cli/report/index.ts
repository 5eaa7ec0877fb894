import { readFileSync } from "fs";
import { checkOutFile, writeOut } from "../out-file";
import { helpText, OptionSpec, parseArgv } from "./argv";
import { buildReport } from "./changes";
import { renderReport } from "./markdown";
import { parsePreview } from "./preview-json";

export const spec: OptionSpec = {
  usage: "usage: pulumi-helpdesk report [--preview-json FILE|-] [--out FILE.md]",
  options: {
    "preview-json": "the output of `pulumi preview --json` (default -: standard input)",
    out: "where to write the Markdown (default: standard output)",
  },
};

/** npx pulumi-helpdesk report: a preview's access changes as Markdown for a pull-request comment. */
export async function run(argv: string[]): Promise<number> {
  const { values, help } = parseArgv(argv, spec);
  if (help) {
    process.stdout.write(helpText(spec));
    return 0;
  }
  if (values.out !== undefined) checkOutFile(values.out);
  const source = values["preview-json"] ?? "-";
  const markdown = renderReport(buildReport(parsePreview(readInput(source), `--preview-json ${source === "-" ? "- (standard input)" : source}`)));
  writeOut(values.out, markdown);
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
