import { ComparedGrant, Grant } from "./model";

export interface Review {
  /** "Zoho Desk org 60012345678" */
  account: string;
  live: Grant[];
  /** Absent when no program was given. */
  intended?: { source: string; grants: Grant[]; compared: ComparedGrant[] };
}

const cell = (text: string) => text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");

/** "tickets.view", "tickets.edit", "setup.teams" -> "tickets: view, edit; setup: teams". */
export function groupedPermissions(permissions: string[]): string {
  const modules = new Map<string, string[]>();
  for (const permission of permissions) {
    const dot = permission.indexOf(".");
    const [module, key] = dot < 0 ? ["", permission] : [permission.slice(0, dot), permission.slice(dot + 1)];
    modules.set(module, [...(modules.get(module) ?? []), key]);
  }
  return [...modules].map(([module, keys]) => (module ? `${module}: ${keys.join(", ")}` : keys.join(", "))).join("; ");
}

/** One row per person and holder, with the permissions it carries, people in name order. */
function matrix(grants: Grant[]): string[] {
  const rows = new Map<string, { person: string; email: string; via: string; permissions: string[] }>();
  for (const g of grants) {
    const key = `${g.person}\u0000${g.email}\u0000${g.via}`;
    const row = rows.get(key) ?? { person: g.person, email: g.email, via: g.via, permissions: [] };
    row.permissions.push(g.permission);
    rows.set(key, row);
  }
  const sorted = [...rows.values()].sort((a, b) => a.person.localeCompare(b.person) || a.via.localeCompare(b.via));
  if (sorted.length === 0) return ["Nobody holds a permission."];
  return [
    "| Person | Email | Through | Permissions |",
    "|---|---|---|---|",
    ...sorted.map((r) => `| ${cell(r.person)} | ${cell(r.email)} | ${cell(r.via)} | ${cell(groupedPermissions(r.permissions))} (${r.permissions.length}) |`),
  ];
}

const people = (grants: Grant[]) => new Set(grants.map((g) => g.email.toLowerCase())).size;

/** The review as Markdown: the live matrix, the intended one and the differences (cells held on one side only). */
export function renderMarkdown(review: Review): string {
  const lines = [`# Access review: ${review.account}`, "", `## Live: who holds which permission, through which profile or role`, "", ...matrix(review.live), ""];
  lines.push(`${people(review.live)} people, ${review.live.length} permission grants.`, "");
  if (review.intended) {
    const { source, grants, compared } = review.intended;
    const differences = compared.filter((g) => g.status !== "held").sort((a, b) => a.person.localeCompare(b.person) || a.via.localeCompare(b.via) || a.permission.localeCompare(b.permission));
    lines.push(`## Intended by the program (${source})`, "", ...matrix(grants), "", `${people(grants)} people, ${grants.length} permission grants.`, "");
    lines.push("## Differences between live and intended", "");
    if (differences.length === 0) lines.push("None: the account grants exactly what the program intends.");
    else {
      lines.push("| Person | Email | Through | Permission | Live | Intended |", "|---|---|---|---|---|---|");
      for (const d of differences) lines.push(`| ${cell(d.person)} | ${cell(d.email)} | ${cell(d.via)} | ${cell(d.permission)} | ${d.status === "only live" ? "yes" : "no"} | ${d.status === "only intended" ? "yes" : "no"} |`);
      lines.push("", `${differences.length} differences: ${differences.filter((d) => d.status === "only live").length} held live only, ${differences.filter((d) => d.status === "only intended").length} intended only.`);
    }
    lines.push("");
  }
  return lines.join("\n");
}
