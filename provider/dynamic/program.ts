import { createHash } from "crypto";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import * as pulumi from "@pulumi/pulumi";
import { formatOwner, OWNER_INPUT } from "../core/ownership";
import { ProgramEntry } from "../core/resource-kind";

/** The reserved input naming the file that lists the program's resources; check() drops it, so it is never stored. */
export const PROGRAM_INPUT = "__program";

const declared: ProgramEntry[] = [];
const written = new Set<string>();
let snapshot: Promise<string> | undefined;

/**
 * Runs in the program process. Each resource is told about every resource the program declared in the same
 * turn of the event loop, so the first check that fails can report the whole program's problems at once (the
 * engine stops at the first resource that fails its check). The listing goes to one file per turn and each
 * resource carries only its path: carried inline, N resources would send the engine N copies of N entries.
 * Only plain values are listed: waiting on another resource's outputs here could deadlock the program.
 */
export function reservedInputs(type: string, name: string, args: Record<string, unknown>): Record<string, unknown> {
  const owner = formatOwner({ project: pulumi.getProject(), stack: pulumi.getStack(), name });
  declared.push({ type, owner, inputs: plainValues(args) });
  snapshot ??= new Promise((resolve) => setImmediate(() => {
    snapshot = undefined;
    resolve(writeListing([...declared]));
  }));
  return { [OWNER_INPUT]: owner, [PROGRAM_INPUT]: snapshot };
}

/**
 * Named by the program process and the content. Removed when the program exits; the language host may end the
 * program without an exit event, so each program's first listing also sweeps those of programs no longer running.
 */
function writeListing(entries: ProgramEntry[]): string {
  const text = JSON.stringify(entries);
  const folder = join(tmpdir(), `pulumi-helpdesk-${process.getuid?.() ?? "user"}`);
  const file = join(folder, `program-${process.pid}-${createHash("sha256").update(text).digest("hex").slice(0, 20)}.json`);
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  if (written.size === 0) {
    sweepListingsOfEndedPrograms(folder);
    process.once("exit", () => written.forEach((path) => rmSync(path, { force: true })));
  }
  writeFileSync(file, text, { mode: 0o600 });
  written.add(file);
  return file;
}

function sweepListingsOfEndedPrograms(folder: string): void {
  for (const name of readdirSync(folder)) {
    const pid = Number(/^program-(\d+)-/.exec(name)?.[1]);
    if (!/^program-/.test(name) || (pid && isRunning(pid))) continue;
    rmSync(join(folder, name), { force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: running, as another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
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
