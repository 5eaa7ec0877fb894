import { ExportPlan } from "./plan";

const WIDTH = 120;
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function entriesOf(value: object): Array<{ key: string; item: unknown }> {
  return Array.isArray(value)
    ? value.map((item) => ({ key: "", item }))
    : Object.entries(value).filter(([, item]) => item !== undefined).map(([key, item]) => ({ key: `${IDENTIFIER.test(key) ? key : JSON.stringify(key)}: `, item }));
}

function oneLine(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const inner = entriesOf(value).map(({ key, item }) => key + oneLine(item)).join(", ");
  if (Array.isArray(value)) return `[${inner}]`;
  return inner === "" ? "{}" : `{ ${inner} }`;
}

/** A value as TypeScript source: on one line when it fits in the width, otherwise one entry a line. */
export function literal(value: unknown, indent = "", used = 0): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const inline = oneLine(value);
  // used: what precedes the value on its line; 1 for the comma after it.
  if (indent.length + used + inline.length + 1 <= WIDTH) return inline;
  const entries = entriesOf(value);
  const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{", "}"];
  const inner = `${indent}  `;
  const lines = entries.map(({ key, item }) => `${inner}${key}${literal(item, inner, key.length)},`);
  return `${open}\n${lines.join("\n")}\n${indent}${close}`;
}

const comment = (lines: string[], indent = "") => lines.map((line) => `${indent}// ${line}`.trimEnd()).join("\n");

/** The whole index.ts: heading, import, what was left out and why, then one `new` per resource. */
export function renderProgram(plan: ExportPlan): string {
  const parts = [comment(plan.heading), `import { ${plan.namespaces.join(", ")} } from "pulumi-helpdesk";`];
  if (plan.leftOut.length > 0) parts.push(comment(["Left out:", ...plan.leftOut.map((line) => `  - ${line}`)]));
  for (const resource of plan.resources) {
    const call = `new ${resource.kind}(${JSON.stringify(resource.name)}, ${literal(resource.args, "", resource.kind.length + resource.name.length + 8)});`;
    parts.push([...(resource.notes?.length ? [comment(resource.notes)] : []), call].join("\n"));
  }
  if (plan.resources.length === 0) parts.push("// Nothing to adopt: the account has no object this export manages.");
  return `${parts.join("\n\n")}\n`;
}
