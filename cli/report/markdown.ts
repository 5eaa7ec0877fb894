import { CellChange, Entry, Report } from "./changes";
import { tally } from "./tally";

const code = (text: string) => `\`${text.replace(/`/g, "'")}\``;
const quoted = (text: string) => `"${cell(text)}"`;
/** Text inside a table cell or heading: pipes and line breaks would break the table. */
const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/[\r\n]+/g, " ");

/** What the engine prints when the reason went elsewhere. */
const BARE_FAILURE = /^error: preview failed$/i;
const NO_REASON =
  "The engine's JSON gives no reason. Policy violations (`--policy-pack`) are not part of `pulumi preview --json`: " +
  "run the same preview without `--json` to read them.";

/** The Markdown of a pull-request comment: permission cells per vendor and profile, what comes and goes, people's fields. */
export function renderReport(report: Report, title = "Access changes in this preview"): string {
  const lines = [`## ${title}`, ""];
  if (report.errors.length > 0) {
    lines.push("**The preview failed**, so this list may be incomplete:", "", "```", ...report.errors, "```", "");
    if (report.errors.every((error) => BARE_FAILURE.test(error))) lines.push(NO_REASON, "");
  }
  const totals = tally(report.entries);
  if (report.entries.length === 0) {
    lines.push(report.errors.length > 0 ? "No access changes could be planned." : "No access changes: the account stays as it is.", "");
    return lines.join("\n");
  }
  lines.push(
    `**Permissions:** ${totals.granted} granted, ${totals.revoked} revoked${totals.drifted > 0 ? ` (${totals.drifted} putting back a change made outside the program)` : ""}.`,
    `**Profiles and roles:** ${countsLine(totals.profiles)}. **People:** ${countsLine(totals.people)}.`,
    "",
  );
  lines.push(...permissionSections(report.entries));
  lines.push(...lifecycleSection(report.entries));
  lines.push(...fieldSection(report.entries));
  lines.push(...footnotes(report));
  return lines.join("\n");
}

function countsLine(counts: Record<string, number>): string {
  const parts = Object.entries(counts).filter(([, n]) => n > 0).map(([what, n]) => `${n} ${what}`);
  return parts.length > 0 ? parts.join(", ") : "no change";
}

function permissionSections(entries: Entry[]): string[] {
  const withCells = entries.filter((e) => e.cells.length > 0);
  const lines: string[] = [];
  for (const vendor of [...new Set(withCells.map((e) => e.vendor))]) {
    const ofVendor = withCells.filter((e) => e.vendor === vendor);
    const vendorTotals = tally(ofVendor);
    lines.push(`### ${vendor}: ${vendorTotals.granted} granted, ${vendorTotals.revoked} revoked`, "");
    for (const entry of ofVendor) lines.push(...profileTable(entry));
  }
  return lines;
}

function profileTable(entry: Entry): string[] {
  const granted = entry.cells.filter((c) => c.to).length;
  const heading = `#### ${entry.noun} ${quoted(entry.subject)} (${code(entry.type)} ${code(entry.resource)}, ${entry.action}): ${granted} granted, ${entry.cells.length - granted} revoked`;
  const note = entry.action === "created" || entry.action === "recreated"
    ? ["The switches the program declares; the others come from the profile it is cloned from.", ""]
    : [];
  const modules = [...new Set(entry.cells.map((c) => c.module))].sort();
  const rows = modules.map((module) => {
    const of = entry.cells.filter((c) => c.module === module);
    return `| ${cell(module)} | ${keys(of.filter((c) => c.to))} | ${keys(of.filter((c) => !c.to))} |`;
  });
  return [heading, "", ...note, "| Module | Granted | Revoked |", "|---|---|---|", ...rows, ""];
}

function keys(cells: CellChange[]): string {
  return cells.map((c) => `${code(c.key)}${c.drifted ? " (drift)" : ""}`).join(", ");
}

function lifecycleSection(entries: Entry[]): string[] {
  const describe = (e: Entry) => `${e.vendor} ${e.noun} ${quoted(e.subject)} (${code(e.resource)})`;
  const renames = entries.filter((e) => e.renamedFrom.subject || e.renamedFrom.resource).map((e) => {
    const parts = [
      ...(e.renamedFrom.subject ? [`from ${quoted(e.renamedFrom.subject)}`] : []),
      ...(e.renamedFrom.resource ? [`resource ${code(e.renamedFrom.resource)} is now ${code(e.resource)} (an alias keeps the object)`] : []),
    ];
    return `- Renamed: ${describe(e)}, ${parts.join("; ")}`;
  });
  const of = (action: Entry["action"], label: string) => entries.filter((e) => e.action === action).map((e) => `- ${label}: ${describe(e)}`);
  const lines = [
    ...of("created", "Created"),
    ...of("adopted", "Adopted"),
    ...renames,
    ...of("replaced", "Replaced (removed, then added again)"),
    ...of("deleted", "Deleted"),
    ...of("recreated", "Gone from the account (deleted outside the program), created again"),
  ];
  return lines.length > 0 ? ["### Created, adopted, renamed and deleted", "", ...lines, ""] : [];
}

function fieldSection(entries: Entry[]): string[] {
  const rows = entries.flatMap((e) => e.fields.map((f) =>
    `| ${cell(e.vendor)} | ${e.noun} ${cell(e.subject)} (${code(e.resource)}) | ${code(f.field)}${f.drifted ? " (drift)" : ""} | ${f.from === undefined ? "" : cell(f.from)} | ${f.to === undefined ? "" : cell(f.to)} |`));
  return rows.length > 0 ? ["### Field changes", "", "| Vendor | Who or what | Field | Before | After |", "|---|---|---|---|---|", ...rows, ""] : [];
}

function footnotes(report: Report): string[] {
  const lines: string[] = [];
  if (report.entries.some((e) => e.cells.some((c) => c.drifted) || e.fields.some((f) => f.drifted))) {
    lines.push("(drift): changed outside the program since the last `pulumi up`; applying this puts the program's value back.");
  }
  const secret = report.entries.filter((e) => e.secretFields.length > 0);
  if (secret.length > 0) {
    lines.push(`Secret inputs are never shown and cannot be compared here: ${secret.map((e) => `${code(e.resource)} ${e.secretFields.map(code).join(", ")}`).join("; ")}.`);
  }
  if (report.unknownKinds.length > 0) {
    lines.push(`Not read by this version of the report: ${[...new Set(report.unknownKinds)].map(code).join(", ")}.`);
  }
  return lines;
}
