/** GitHub refuses a pull-request comment longer than this many characters. */
export const GITHUB_COMMENT_LIMIT = 65_536;

/**
 * The report cut at a line so that it fits `maxChars` (0: never cut), saying where the whole one is. A cut inside
 * the quoted errors closes their code block, so the rest of the comment is not swallowed by it.
 */
export function fitReport(markdown: string, maxChars: number): string {
  if (maxChars === 0 || markdown.length <= maxChars) return markdown;
  const notice = (kept: number, total: number) =>
    `\n_Cut after ${kept} of ${total} lines: the whole report is ${markdown.length.toLocaleString("en")} characters and this ` +
    `one holds ${maxChars.toLocaleString("en")}. Rerun \`npx pulumi-helpdesk report\` with \`--max-chars 0\` for all of it ` +
    "(the pull-request workflow also writes it to the job summary)._\n";
  const lines = markdown.split("\n");
  const room = maxChars - notice(lines.length, lines.length).length;
  const kept: string[] = [];
  let length = 0;
  let inFence = false;
  for (const line of lines) {
    const fenceAfter: boolean = line.startsWith("```") ? !inFence : inFence;
    if (length + line.length + 1 + (fenceAfter ? 4 : 0) > room) break;
    kept.push(line);
    length += line.length + 1;
    inFence = fenceAfter;
  }
  return `${kept.join("\n")}\n${inFence ? "```\n" : ""}${notice(kept.length, lines.length)}`;
}
