import { z } from "zod";

/** A resource as the engine shows it in `pulumi preview --json`: secret values arrive as the string "[secret]". */
const resourceState = z.object({
  urn: z.string(),
  type: z.string().optional(),
  inputs: z.record(z.string(), z.unknown()).optional(),
  outputs: z.record(z.string(), z.unknown()).optional(),
  aliases: z.array(z.string()).optional(),
});

const step = z.object({
  op: z.string(),
  urn: z.string(),
  oldState: resourceState.optional(),
  newState: resourceState.optional(),
});

const diagnostic = z.object({
  urn: z.string().optional(),
  message: z.string(),
  severity: z.string(),
});

/**
 * What `pulumi preview --json` prints: one step per resource (with --refresh, a "refresh" step first holding the
 * state as last applied), and any diagnostics. Dynamic resources carry old and new inputs, no detailed diff.
 */
export const previewSchema = z.object({
  steps: z.array(step).default([]),
  diagnostics: z.array(diagnostic).default([]),
});

export type Preview = z.infer<typeof previewSchema>;
export type Step = Preview["steps"][number];
export type ResourceState = z.infer<typeof resourceState>;

/** Parses the engine's JSON; `source` names where it came from ("--preview-json plan.json"), so an error says which input is wrong and how. */
export function parsePreview(text: string, source: string): Preview {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const hint = text.trim() === "" ? "it is empty" : `it is not JSON (${(error as Error).message})`;
    throw new Error(`${source}: expected the output of \`pulumi preview --json\`, but ${hint}`);
  }
  const parsed = previewSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${source}: not \`pulumi preview --json\` output: ${issue.path.join(".") || "(top level)"}: ${issue.message}`);
  }
  if (!hasStepsOrDiagnostics(json)) throw new Error(`${source}: not \`pulumi preview --json\` output: it has neither "steps" nor "diagnostics"`);
  return parsed.data;
}

/**
 * The preview's errors, each once: the engine repeats a provider's error for every resource it stops (a refused
 * token fails each profile alike), which would bury the one line that matters.
 */
export function previewErrors(preview: Preview): string[] {
  return [...new Set(preview.diagnostics.filter((d) => d.severity === "error").map((d) => d.message.trim()))];
}

/** A preview that failed before planning prints only diagnostics; any other JSON object is not a preview. */
function hasStepsOrDiagnostics(json: unknown): boolean {
  const object = json as { steps?: unknown; diagnostics?: unknown };
  return Array.isArray(object.steps) || Array.isArray(object.diagnostics);
}
