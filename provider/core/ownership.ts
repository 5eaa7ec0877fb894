/**
 * Which Pulumi resource a vendor object belongs to. The program side stamps every resource's inputs with it
 * (OWNER_INPUT), so the provider can recognise what an interrupted `up` created but never recorded, refuse an
 * object that belongs to another stack or resource, and name both resources when two claim one object.
 */
export interface ResourceOwner {
  project: string;
  stack: string;
  /** The logical name in the program (what `aliases: [{ name }]` refers to). */
  name: string;
}

/** The reserved input key holding "project/stack/name". */
export const OWNER_INPUT = "__owner";

export function formatOwner(owner: ResourceOwner): string {
  return `${owner.project}/${owner.stack}/${owner.name}`;
}

/** Project and stack names cannot contain "/"; a resource name can, so it takes the rest. */
export function parseOwner(text: unknown): ResourceOwner | undefined {
  if (typeof text !== "string") return undefined;
  const match = /^([^/]+)\/([^/]+)\/(.+)$/.exec(text);
  return match ? { project: match[1], stack: match[2], name: match[3] } : undefined;
}

export function sameOwner(a: ResourceOwner | undefined, b: ResourceOwner | undefined): boolean {
  return a !== undefined && b !== undefined && formatOwner(a) === formatOwner(b);
}

export function sameStack(a: ResourceOwner, b: ResourceOwner): boolean {
  return a.project === b.project && a.stack === b.stack;
}

/**
 * The ownership marker a vendor object carries in a free-text field (a description), written at creation:
 * "[pulumi-helpdesk: project/stack/name]". It is the only trace an interrupted `up` leaves of who created it.
 */
const MARKER = /\s*\[pulumi-helpdesk: ([^\]\n]+)\]\s*$/;

export function markerFor(owner: ResourceOwner): string {
  return `[pulumi-helpdesk: ${formatOwner(owner)}]`;
}

export function withMarker(text: string, owner: ResourceOwner): string {
  return text === "" ? markerFor(owner) : `${text}\n\n${markerFor(owner)}`;
}

/** The text as the user wrote it, without our marker. */
export function withoutMarker(text: string): string {
  return text.replace(MARKER, "");
}

export function markedOwner(text: string | null | undefined): ResourceOwner | undefined {
  const match = text ? MARKER.exec(text) : null;
  return match ? parseOwner(match[1]) : undefined;
}

/** How a user would point at that resource: "resource 'tier1' of this stack" or "stack 'prod' of project 'x'". */
export function describeOwner(owner: ResourceOwner, relativeTo?: ResourceOwner): string {
  if (relativeTo && sameStack(owner, relativeTo)) return `resource '${owner.name}' of this stack`;
  return `resource '${owner.name}' of stack '${owner.stack}' (project '${owner.project}')`;
}
