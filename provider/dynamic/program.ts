import * as pulumi from "@pulumi/pulumi";
import { formatOwner, OWNER_INPUT } from "../core/ownership";
import { ProgramEntry } from "../core/resource-kind";

/** The reserved input carrying the program's other resources to check(); check() drops it, so it is never stored. */
export const PROGRAM_INPUT = "__program";

const declared: ProgramEntry[] = [];
let snapshot: Promise<ProgramEntry[]> | undefined;

/**
 * Runs in the program process. Each resource is told about every resource the program declared in the same
 * turn of the event loop, so the first check that fails can report the whole program's problems at once (the
 * engine stops at the first resource that fails its check). Only plain values are shared: waiting on another
 * resource's outputs here could deadlock the program.
 */
export function reservedInputs(type: string, name: string, args: Record<string, unknown>): Record<string, unknown> {
  const owner = formatOwner({ project: pulumi.getProject(), stack: pulumi.getStack(), name });
  declared.push({ type, owner, inputs: plainValues(args) });
  snapshot ??= new Promise((resolve) => setImmediate(() => {
    snapshot = undefined;
    resolve([...declared]);
  }));
  return { [OWNER_INPUT]: owner, [PROGRAM_INPUT]: snapshot };
}

function plainValues(args: Record<string, unknown>): Record<string, unknown> {
  const isPlain = (value: unknown): boolean =>
    !pulumi.Output.isInstance(value) && !(value instanceof Promise) && !pulumi.Resource.isInstance(value);
  return Object.fromEntries(Object.entries(args).filter(([, value]) => value !== undefined && isPlain(value) && plainDeep(value, isPlain)));
}

function plainDeep(value: unknown, isPlain: (v: unknown) => boolean): boolean {
  if (!isPlain(value)) return false;
  if (typeof value !== "object" || value === null) return true;
  return Object.values(value).every((inner) => plainDeep(inner, isPlain));
}
