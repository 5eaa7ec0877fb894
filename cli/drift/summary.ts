import { CellChange, Entry, FieldChange, Report } from "../report/changes";

const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;
const one = (text: string) => text.replace(/[\r\n]+/g, " ");

/**
 * The drift check's Markdown: what was changed outside the program (the account's value, then the program's), and
 * apart from it, program changes that were never applied (the account is as last applied, the program says more).
 */
export function renderDrift(report: Report, stack: string | undefined): string {
  const where = stack ? ` (stack ${code(stack)})` : "";
  const drifted = report.entries.flatMap((entry) => driftLines(entry, true));
  const pending = report.entries.flatMap((entry) => driftLines(entry, false));
  const hidden = report.entries.filter((entry) => entry.action === "updated" && entry.cells.length + entry.fields.length === 0 && entry.secretFields.length > 0)
    .map((entry) => `- ${who(entry)}: a secret input differs (${entry.secretFields.map(code).join(", ")}); its value is not shown.`);
  const unknown = [...new Set(report.unknownKinds)].map((kind) => `- ${code(kind)}: a resource kind this version of the command does not read.`);
  const other = [...hidden, ...unknown];
  if (drifted.length + pending.length + other.length === 0) return `## No drift${where}\n\nThe account matches the program.\n`;
  const lines = [`## Drift${where}: the account differs from the program`, ""];
  if (drifted.length > 0) lines.push("### Changed outside the program", "", ...drifted, "");
  if (pending.length > 0) lines.push("### In the program, not applied yet", "", ...pending, "");
  if (other.length > 0) lines.push("### Other differences", "", ...other, "");
  lines.push("`pulumi up --refresh` puts the program's values back (review the changes above first).", "");
  return lines.join("\n");
}

const who = (entry: Entry) => `${entry.vendor} ${entry.noun} "${one(entry.subject)}" (${code(entry.resource)})`;

function driftLines(entry: Entry, outside: boolean): string[] {
  if (entry.action === "recreated") return outside ? [`- ${who(entry)}: gone from ${entry.vendor} (deleted outside the program); the program creates it again.`] : [];
  if (entry.action !== "updated" && entry.action !== "replaced") return outside ? [] : [`- ${who(entry)}: ${entry.action} by the program.`];
  const cells = entry.cells.filter((c) => c.drifted === outside).map((c) => cellLine(entry, c));
  const fields = entry.fields.filter((f) => f.drifted === outside).map((f) => fieldLine(entry, f));
  return [...cells, ...fields].map((what) => `- ${who(entry)}: ${what}`);
}

function cellLine(entry: Entry, cell: CellChange): string {
  return `${code(`${cell.module}.${cell.key}`)} is ${cell.from ?? "unset"} in ${entry.vendor}; the program says ${cell.to}.`;
}

function fieldLine(entry: Entry, field: FieldChange): string {
  return `${code(field.field)} is ${field.from === undefined ? "unset" : code(field.from)} in ${entry.vendor}; the program says ${field.to === undefined ? "nothing" : code(field.to)}.`;
}
