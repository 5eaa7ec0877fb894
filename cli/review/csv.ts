import { Review } from "./markdown";

const field = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/**
 * One row per grant: person, email, through, permission, and whether it is held live and intended ("yes"/"no";
 * the intended column is empty without a program), for a spreadsheet or an auditor's tooling.
 */
export function renderCsv(review: Review, vendor: string): string {
  const header = ["vendor", "person", "email", "through", "permission", "live", "intended"];
  const rows = review.intended
    ? review.intended.compared.map((g) => [vendor, g.person, g.email, g.via, g.permission, g.status === "only intended" ? "no" : "yes", g.status === "only live" ? "no" : "yes"])
    : review.live.map((g) => [vendor, g.person, g.email, g.via, g.permission, "yes", ""]);
  return [header, ...rows].map((row) => row.map(field).join(",")).join("\n") + "\n";
}
