import { Entry } from "./changes";

/** Totals for the report's summary lines: cells granted and revoked, and objects by what happens to them. */
export function tally(entries: Entry[]) {
  const cells = entries.flatMap((e) => e.cells);
  const counts = (family: Entry["family"]) => {
    const of = entries.filter((e) => e.family === family);
    return {
      created: of.filter((e) => e.action === "created").length,
      adopted: of.filter((e) => e.action === "adopted").length,
      renamed: of.filter((e) => e.renamedFrom.subject || e.renamedFrom.resource).length,
      changed: of.filter((e) => (e.action === "updated" || e.action === "replaced") && (e.cells.length > 0 || e.fields.length > 0)).length,
      deleted: of.filter((e) => e.action === "deleted").length,
      "gone and recreated": of.filter((e) => e.action === "recreated").length,
    };
  };
  return {
    granted: cells.filter((c) => c.to).length,
    revoked: cells.filter((c) => !c.to).length,
    drifted: cells.filter((c) => c.drifted).length,
    profiles: counts("profile"),
    people: counts("person"),
  };
}
