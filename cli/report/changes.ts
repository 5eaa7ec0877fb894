import { Cell, Cells } from "./cells";
import { KIND_VIEWS, KindView, resourceNameOf, tokenOf } from "./kinds";
import { Preview, previewErrors, ResourceState, Step } from "./preview-json";
import { isShowable } from "./secrets";
import { showValue } from "./show-value";

export interface CellChange extends Cell {
  /** Undefined where the preview cannot know it: a new profile's switches come from its clone source. */
  from?: boolean;
  to: boolean;
  /** Changed outside the program since the last `up` (seen only in a preview with --refresh): this puts it back. */
  drifted: boolean;
}

export interface FieldChange {
  field: string;
  from?: string;
  to?: string;
  drifted: boolean;
}

export type Action = "created" | "adopted" | "updated" | "replaced" | "deleted" | "recreated";

/** One resource's access change, as a reviewer reads it. */
export interface Entry {
  vendor: string;
  noun: string;
  family: KindView["family"];
  /** "zohoDesk.ProfilePermissionSet" */
  type: string;
  resource: string;
  subject: string;
  action: Action;
  renamedFrom: { subject?: string; resource?: string };
  cells: CellChange[];
  fields: FieldChange[];
  /** Inputs whose values are secret or credentials: named, never shown, and not comparable from the JSON. */
  secretFields: string[];
}

export interface Report {
  entries: Entry[];
  /** The preview's error diagnostics: a failed preview must not read as "no changes". */
  errors: string[];
  /** Resources of this package whose kind the report does not know (a newer provider than this CLI). */
  unknownKinds: string[];
}

/** Inputs about how a resource is managed rather than what access it gives; never reported as fields. */
const MANAGEMENT_INPUTS = new Set(["permissions", "adopt", "connection", "changesOnAdoption", "cloneFrom", "transferToProfile", "restoreOnDestroy"]);
const SKIPPED_OPS = new Set(["refresh", "read", "create-replacement", "delete-replaced", "discard", "discard-replaced", "remove-pending-replace"]);

export function buildReport(preview: Preview): Report {
  const lastApplied = new Map(preview.steps.filter((s) => s.op === "refresh" && s.oldState).map((s) => [s.urn, s.oldState!.inputs ?? {}]));
  const report: Report = { entries: [], errors: previewErrors(preview), unknownKinds: [] };
  for (const step of preview.steps) {
    const token = tokenOf(step.urn);
    if (!token || SKIPPED_OPS.has(step.op)) continue;
    const view = KIND_VIEWS[token];
    if (!view) {
      report.unknownKinds.push(token);
      continue;
    }
    const entry = entryFor(step, token, view, lastApplied);
    if (entry) report.entries.push(entry);
  }
  // The engine lists steps in the order they finish; a comment should read the same on every run.
  report.entries.sort((a, b) => a.vendor.localeCompare(b.vendor) || a.subject.localeCompare(b.subject) || a.resource.localeCompare(b.resource));
  return report;
}

function entryFor(step: Step, token: string, view: KindView, lastApplied: Map<string, Record<string, unknown>>): Entry | undefined {
  const old = step.oldState;
  const now = step.newState;
  const action = actionOf(step, view, lastApplied);
  if (!action) return undefined;
  // A replacement's new identity is a new object, not a rename of the old one; only the resource may be renamed.
  const renamedFrom = action === "updated" || action === "replaced" ? renamesOf(view, old!, now!, action === "updated") : {};
  const baseline = old ? lastApplied.get(old.urn) : undefined;
  const cells = view.permissions ? cellChanges(view.permissions, action, old, now, baseline) : [];
  const { fields, secretFields } = fieldChanges(view, action, old?.inputs ?? {}, now?.inputs ?? {}, baseline);
  if (step.op === "same" && !renamedFrom.resource) return undefined;
  const shown = now ?? old!;
  return {
    vendor: vendorLabel(view, shown.inputs ?? {}),
    noun: view.noun,
    family: view.family,
    type: token.replace(":", "."),
    resource: resourceNameOf(step.urn),
    subject: view.subject({ ...shown.outputs, ...shown.inputs }) ?? view.subject({ ...old?.outputs, ...old?.inputs }) ?? resourceNameOf(step.urn),
    action, renamedFrom, cells, fields, secretFields,
  };
}

function actionOf(step: Step, view: KindView, lastApplied: Map<string, unknown>): Action | undefined {
  switch (step.op) {
    case "create": return step.newState?.inputs?.adopt || view.createAdopts ? "adopted" : lastApplied.has(step.urn) ? "recreated" : "created";
    case "delete": return "deleted";
    case "replace": return "replaced";
    case "update": case "same": return "updated";
    default: return undefined;
  }
}

function vendorLabel(view: KindView, inputs: Record<string, unknown>): string {
  return typeof inputs.connection === "string" ? `${view.vendor} (connection ${inputs.connection})` : view.vendor;
}

function renamesOf(view: KindView, old: ResourceState, now: ResourceState, subjectMayBeRenamed: boolean): Entry["renamedFrom"] {
  const before = view.subject({ ...old.outputs, ...old.inputs });
  const after = view.subject({ ...now.outputs, ...now.inputs });
  return {
    ...(subjectMayBeRenamed && before !== undefined && after !== undefined && before !== after ? { subject: before } : {}),
    ...(old.urn !== now.urn ? { resource: resourceNameOf(old.urn) } : {}),
  };
}

function cellChanges(
  permissions: NonNullable<KindView["permissions"]>,
  action: Action,
  old: ResourceState | undefined,
  now: ResourceState | undefined,
  baseline: Record<string, unknown> | undefined,
): CellChange[] {
  const { read, dropped } = permissions;
  const declared = (cells: Cells): CellChange[] => [...cells.values()].map(({ module, key, on }) => ({ module, key, to: on, drifted: false }));
  if (action === "created" || action === "recreated") return declared(read(now!.inputs?.permissions));
  if (action === "adopted") return adoptionCells(read, now!.inputs ?? {}) ?? declared(read(now!.inputs?.permissions));
  const before = read(old!.inputs?.permissions);
  const after = action === "deleted" ? new Map() as Cells : read(now!.inputs?.permissions);
  const applied = baseline ? read(baseline.permissions) : undefined;
  const originals = dropped === "original" ? read(old!.outputs?.originalPermissions) : new Map() as Cells;
  const changes: CellChange[] = [];
  for (const [id, cell] of after) {
    const from = before.get(id)?.on;
    if (from !== cell.on) changes.push({ module: cell.module, key: cell.key, from, to: cell.on, drifted: applied !== undefined && applied.get(id)?.on !== from });
  }
  for (const [id, cell] of before) {
    if (after.has(id) || (action === "deleted" && dropped !== "original")) continue;
    const to = dropped === "off" ? false : dropped === "original" ? originals.get(id)?.on : undefined;
    if (to !== undefined && to !== cell.on) changes.push({ module: cell.module, key: cell.key, from: cell.on, to, drifted: false });
  }
  return changes;
}

/** An adoption's preview carries `changesOnAdoption` lines such as "permissions.tickets.delete: true => false". */
function adoptionCells(read: (value: unknown) => Cells, inputs: Record<string, unknown>): CellChange[] | undefined {
  if (!Array.isArray(inputs.changesOnAdoption)) return undefined;
  return inputs.changesOnAdoption.flatMap((line) => {
    const match = typeof line === "string" ? /^permissions\.(.+): (true|false|null|undefined) => (true|false)$/.exec(line) : null;
    if (!match) return [];
    const [, path, from, to] = match;
    const nested = path.split(".").reduceRight<unknown>((value, segment) => ({ [segment]: value }), to === "true");
    return [...read(nested).values()].map(({ module, key, on }) => ({ module, key, from: from === "true" ? true : from === "false" ? false : undefined, to: on, drifted: false }));
  });
}

function fieldChanges(
  view: KindView,
  action: Action,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  baseline: Record<string, unknown> | undefined,
): { fields: FieldChange[]; secretFields: string[] } {
  const reported = (key: string) => !key.startsWith("__") && !MANAGEMENT_INPUTS.has(key);
  const fields: FieldChange[] = [];
  const secretFields: string[] = [];
  const declaredOnly = action === "created" || action === "adopted" || action === "recreated";
  if (action === "deleted" || (declaredOnly && view.family !== "person")) return { fields, secretFields };
  const keys = [...new Set([...Object.keys(declaredOnly ? {} : before), ...Object.keys(after)])].filter(reported).sort();
  for (const key of keys) {
    const from = declaredOnly ? undefined : before[key];
    const to = after[key];
    if (!isShowable(key, from) || !isShowable(key, to)) {
      secretFields.push(key);
      continue;
    }
    if (to === undefined || JSON.stringify(from) === JSON.stringify(to)) continue;
    const drifted = baseline !== undefined && JSON.stringify(baseline[key]) !== JSON.stringify(from);
    fields.push({ field: key, from: from === undefined ? undefined : showValue(from), to: showValue(to), drifted });
  }
  return { fields, secretFields };
}
