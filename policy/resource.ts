/**
 * A resource as a policy sees it. The engine shows policies the type token the resource class registered
 * (provider/dynamic/resource.ts: pulumi-nodejs:dynamic/<vendor>:<Type>) and, as props, the arguments after the
 * provider's check: the program's values, without the reserved inputs (__provider and the like).
 */
export interface PolicyResource {
  /** The registry token, e.g. "zohoDesk:Profile"; undefined for resources that are not this package's. */
  kind?: string;
  /** The Pulumi resource name (the first argument of the constructor). */
  name: string;
  props: Record<string, unknown>;
}

const DYNAMIC_TYPE_PREFIX = "pulumi-nodejs:dynamic/";

export function policyResource(type: string, name: string, props: Record<string, unknown>): PolicyResource {
  return { kind: type.startsWith(DYNAMIC_TYPE_PREFIX) ? type.slice(DYNAMIC_TYPE_PREFIX.length) : undefined, name, props };
}

/** How messages name a resource: as the program writes its class, with its Pulumi name, e.g. zohoDesk.Profile "leads". */
export function label(resource: PolicyResource): string {
  return `${(resource.kind ?? "resource").replace(":", ".")} "${resource.name}"`;
}

/** Names as the vendors compare them (profile names, emails): trimmed, case-insensitive. */
const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export const listed = (value: unknown, list: readonly string[]) => typeof value === "string" && list.some((entry) => sameName(entry, value));

/**
 * The dotted paths of the `true` leaves of a permission tree, e.g. ["tickets.delete"] (a flat record gives its keys),
 * sorted: the engine hands props over with their keys sorted, so messages read the same in tests and in previews.
 */
export function grantedPaths(permissions: unknown): string[] {
  const walk = (tree: unknown, prefix: string): string[] =>
    tree === null || typeof tree !== "object"
      ? []
      : Object.entries(tree).flatMap(([key, value]) => (value === true ? [`${prefix}${key}`] : walk(value, `${prefix}${key}.`)));
  return walk(permissions, "").sort();
}

/** Lists words for a message: "a", "a and b", "a, b and c". */
export function inWords(items: readonly string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
