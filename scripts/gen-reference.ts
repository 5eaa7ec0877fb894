// npm run docs: writes docs/reference/ from the zod schemas, the single source of the arguments' rules and docs.
import { writeFileSync } from "fs";
import { join } from "path";
import { z } from "zod";
import { repoRoot } from "../harness/repo-root";
import { registry } from "../provider/registry";

interface JsonSchema {
  type?: string;
  description?: string;
  minLength?: number;
  maxLength?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
}

/** Each documented resource: its token, its argument schema, and the file its reference goes to. */
export const references = registry.map(({ token, schema }) => {
  const name = token.replace(":", ".");
  return { token: name, schema, file: `${name}.md` };
});

export function renderReference(token: string, schema: z.ZodType): string {
  const json = z.toJSONSchema(schema, { io: "input" }) as JsonSchema;
  const lines = [`# ${token}`, "", "Generated from the zod schema by `npm run docs`; do not edit.", "", "| Argument | Type | Required | Rules | Meaning |", "|---|---|---|---|---|"];
  for (const [name, property] of Object.entries(json.properties ?? {})) {
    const rules = lengthRule(property.minLength, property.maxLength);
    const required = json.required?.includes(name) ? "yes" : "no";
    lines.push(`| \`${name}\` | ${property.type ?? ""} | ${required} | ${rules || "-"} | ${property.description ?? ""} |`);
  }
  for (const [name, property] of Object.entries(json.properties ?? {})) {
    if (!property.properties) continue;
    lines.push("", `## \`${name}\``, "", property.description ?? "", "", "| Module | Keys (all boolean) | Meaning |", "|---|---|---|");
    for (const [module, keys] of Object.entries(property.properties)) {
      lines.push(`| \`${module}\` | ${Object.keys(keys.properties ?? {}).map((k) => `\`${k}\``).join(", ")} | ${keys.description ?? ""} |`);
    }
  }
  return lines.join("\n") + "\n";
}

function lengthRule(min?: number, max?: number): string | undefined {
  if (min !== undefined && max !== undefined) return `${min}-${max} characters`;
  if (max !== undefined) return `at most ${max} characters`;
  return min !== undefined ? `at least ${min} characters` : undefined;
}

if (require.main === module) {
  for (const { token, schema, file } of references) {
    writeFileSync(join(repoRoot, "docs", "reference", file), renderReference(token, schema));
    console.log(`wrote docs/reference/${file}`);
  }
}
