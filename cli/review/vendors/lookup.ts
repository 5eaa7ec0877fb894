import { ProgramResource } from "../program-state";

/** The resources of one kind in the reviewed account (the same connection). */
export function ofKind(resources: ProgramResource[], type: string, connection: string | undefined): ProgramResource[] {
  return resources.filter((r) => r.type === type && (r.inputs.connection ?? undefined) === connection);
}

export const text = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);

/** A record of switches from a nested permissions argument: { tickets: { delete: false } } -> { "tickets.delete": false }. */
export function flatSwitches(value: unknown, prefix = ""): Record<string, boolean> {
  if (typeof value !== "object" || value === null) return {};
  return Object.fromEntries(
    Object.entries(value).flatMap(([key, inner]) =>
      typeof inner === "boolean" ? [[`${prefix}${key}`, inner]] : Object.entries(flatSwitches(inner, `${prefix}${key}.`))),
  );
}

/** Finds by id first, then by name as Zoho compares names (trimmed, without case). */
export function byReference<T extends { id: string; name: string }>(items: Iterable<T>, reference: unknown): T | undefined {
  if (typeof reference !== "string") return undefined;
  const all = [...items];
  const wanted = reference.trim().toLowerCase();
  return all.find((i) => i.id === reference) ?? all.find((i) => i.name.trim().toLowerCase() === wanted);
}
