import { readFileSync } from "fs";
import { parsePreview, previewErrors } from "../report/preview-json";

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

function readText(path: string, option: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw new Error(`${option}: cannot read ${path}: ${(error as Error).message}`);
  }
}

function stackExportJson(path: string): Record<string, unknown> {
  const text = readText(path, "--stack-state");
  try {
    return record(JSON.parse(text));
  } catch {
    throw new Error(`--stack-state: ${path} is ${text.trim() === "" ? "empty" : "not JSON"}; give the output of \`pulumi stack export\``);
  }
}

/** The resources of `pulumi stack export`: what the last `up` applied. */
export function fromStackExport(path: string): ProgramResource[] {
  const resources = record(stackExportJson(path).deployment).resources;
  if (!Array.isArray(resources)) throw new Error(`--stack-state: ${path} has no deployment.resources; give the output of \`pulumi stack export\``);
  return resources.flatMap((r) => resource(record(r), String(record(r).urn ?? "")) ?? []);
}

/**
 * The new inputs of `pulumi preview --json`: what the program asks for. Deleted resources are not intended, and a
 * --refresh preview's refresh steps hold the live values, not the program's. A failed preview planned only part of
 * the program, so it is refused rather than compared as if the rest were unchanged.
 */
export function fromPreviewJson(path: string): ProgramResource[] {
  const preview = parsePreview(readText(path, "--preview-json"), `--preview-json ${path}`);
  const errors = previewErrors(preview);
  if (errors.length > 0) {
    throw new Error(`--preview-json ${path}: the preview failed, so it does not say what the program intends; fix the program and preview again. The engine said:\n${errors.join("\n")}`);
  }
  return preview.steps.flatMap((step) =>
    step.op === "delete" || step.op === "refresh" || !step.newState ? [] : resource(step.newState, step.urn) ?? []);
}
