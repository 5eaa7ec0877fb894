import { readFileSync } from "fs";

/** A resource of the program, by its type token without the dynamic prefix ("zohoDesk:Profile"). */
export interface ProgramResource {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
}

const DYNAMIC = "pulumi-nodejs:dynamic/";
const nameOf = (urn: string) => urn.slice(urn.lastIndexOf("::") + 2);
const record = (value: unknown): Record<string, unknown> => (typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {});

function resource(state: Record<string, unknown>, urn: string): ProgramResource | undefined {
  const type = typeof state.type === "string" ? state.type : "";
  if (!type.startsWith(DYNAMIC)) return undefined;
  return { type: type.slice(DYNAMIC.length), name: nameOf(urn), inputs: record(state.inputs), outputs: record(state.outputs) };
}

function parseJson(path: string, option: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new Error(`${option}: cannot read ${path}: ${(error as Error).message}`);
  }
  try {
    return record(JSON.parse(text));
  } catch {
    throw new Error(`${option}: ${path} is not JSON; give the output of ${option === "--stack-state" ? "`pulumi stack export`" : "`pulumi preview --json`"}`);
  }
}

/** The resources of `pulumi stack export`: what the last `up` applied. */
export function fromStackExport(path: string): ProgramResource[] {
  const resources = record(parseJson(path, "--stack-state").deployment).resources;
  if (!Array.isArray(resources)) throw new Error(`--stack-state: ${path} has no deployment.resources; give the output of \`pulumi stack export\``);
  return resources.flatMap((r) => resource(record(r), String(record(r).urn ?? "")) ?? []);
}

/** The new inputs of `pulumi preview --json`: what the program asks for (deleted resources are not intended). */
export function fromPreviewJson(path: string): ProgramResource[] {
  const steps = parseJson(path, "--preview-json").steps;
  if (!Array.isArray(steps)) throw new Error(`--preview-json: ${path} has no steps; give the output of \`pulumi preview --json\``);
  return steps.flatMap((s) => {
    const step = record(s);
    const state = record(step.newState);
    return step.op === "delete" || Object.keys(state).length === 0 ? [] : resource(state, String(step.urn ?? state.urn ?? "")) ?? [];
  });
}
