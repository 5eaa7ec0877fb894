// The benchmark's programs: a mix of every registered resource kind, N resources in all, and the trivial twin.
// One table entry per kind: add a kind by adding an entry (its weight, its slots, its arguments with a switch).
import type { Sandbox } from "../sandbox";
import { registry } from "../provider/registry";

/** One resource of the program: the class (namespace.Class), its name, its arguments with the switch set to `on`. */
export interface Spec {
  token: string;
  name: string;
  args: Record<string, unknown>;
  /** Set while the switch grants a permission whose parent the resource leaves undeclared: the profile its check reads. */
  grantRead?: string;
}

/** What a kind needs from the sandbox to place its resources: every place one may go (a permission set's profile and key). */
type Slots = (sandbox: Sandbox) => unknown[];

interface KindEntry {
  token: string;
  /** Share of N; the largest remainder rounds. */
  weight: number;
  /** Where resources may go (permission keys, singletons); absent = unbounded. */
  slots?: Slots;
  /** The arguments of resource i with its switch `on`. */
  args(i: number, on: boolean, slot: any): Record<string, unknown>;
  /** See Spec.grantRead. */
  grantRead?(on: boolean, slot: any): string | undefined;
}

const deskEditable = (s: Sandbox) => s.zohoDesk.admin.listProfiles().filter((p) => p.type === "Custom");
/** Leaf permissions (nothing depends on them) whose parents a profile has enabled: toggling one touches only itself. */
function crmLeaves(s: Sandbox, dc: "com" | "eu") {
  const admin = s.zohoCrm.org(dc).admin;
  const all = admin.permissions();
  const nameOf = new Map(all.map((p) => [p.id, p.name]));
  const parentsOf = (p: (typeof all)[number]) => (p.parent_permissions ?? []).map((id) => nameOf.get(id) ?? id);
  const catalogue = all.filter((p) => p.customizable);
  const parents = new Set(all.flatMap(parentsOf));
  return admin.listProfiles().filter((p) => p.custom && p.type === "normal_profile").flatMap((profile) =>
    catalogue
      .filter((p) => !parents.has(p.name) && parentsOf(p).every((parent) => admin.isEnabled(profile.id, parent)))
      .map((p) => ({ connection: dc, profile: profile.name, key: p.name, original: admin.isEnabled(profile.id, p.name), hasParent: parentsOf(p).length > 0 })));
}

export const KINDS: readonly KindEntry[] = [
  {
    token: "zohoDesk:Profile", weight: 3,
    args: (i, on) => ({ name: `Bench Desk ${i}`, transferToProfile: "Agent", permissions: { tickets: { delete: on, export: false }, reports: { view: true } } }),
  },
  {
    token: "zohoDesk:ProfilePermissionSet", weight: 2,
    slots: (s) => deskEditable(s).flatMap((p) => Object.entries(p.permissions as Record<string, Record<string, boolean>>)
      .flatMap(([module, keys]) => Object.entries(keys).map(([key, original]) => ({ profile: p.name, module, key, original })))),
    // Created with the opposite of the profile's value, so the create is a real write.
    args: (_i, on, slot) => ({ profile: slot.profile, permissions: { [slot.module]: { [slot.key]: on ? slot.original : !slot.original } } }),
  },
  {
    token: "zohoCrm:Profile", weight: 2,
    args: (i, on) => ({ name: `Bench CRM ${i}`, permissions: { Crm_Implied_Export_Leads: !on, Crm_Implied_Delete_Deals: false } }),
  },
  {
    token: "zohoCrm:ProfilePermissionSet", weight: 1,
    slots: (s) => [...crmLeaves(s, "com"), ...crmLeaves(s, "eu")],
    args: (_i, on, slot) => ({ profile: slot.profile, permissions: { [slot.key]: on ? slot.original : !slot.original }, ...(slot.connection === "eu" ? { connection: "eu" } : {}) }),
    grantRead: (on, slot) => (slot.hasParent && (on ? slot.original : !slot.original) ? `${slot.connection}/${slot.profile}` : undefined),
  },
  {
    token: "chatwoot:CustomRole", weight: 1,
    args: (i, on) => ({ name: `Bench Role ${i}`, description: "bench", permissions: on ? ["conversation_manage", "report_manage"] : ["conversation_manage"] }),
  },
  {
    token: "chatwoot:Agent", weight: 1,
    args: (i, on) => ({ name: `Bench Agent ${i}`, email: `bench.agent.${i}@example.com`, role: "agent", autoOffline: !on }),
  },
  {
    token: "teamworkDesk:User", weight: 1,
    args: (i, on) => ({ email: `bench.user.${i}@example.com`, firstName: `Bench ${i}`, role: "agent", isPartTime: on }),
  },
  {
    token: "imichat:User", weight: 1,
    args: (i, on) => ({
      firstName: `Bench ${i}`, loginId: `bench.user.${i}`, email: `bench.user.${i}@example.com`,
      privileges: [{ team: 7001, role: "Team Agent" }], loginUsingEmail: on,
    }),
  },
  {
    // A singleton per connection: at most one, from 100 resources on.
    token: "chatwoot:Profile", weight: 0.2, slots: () => [{}],
    args: (_i, on) => ({ availability: on ? "busy" : "online", restoreOnDestroy: true }),
  },
];

/** Kinds registered in provider/registry.ts without a table entry would be silently left out: say so instead. */
export function unbenchedKinds(): string[] {
  return registry.map((k) => k.token).filter((token) => !KINDS.some((k) => k.token === token));
}

/**
 * How many of each kind make N: one of each kind first (when N allows), the rest shared by weight (largest
 * remainder), never more than a kind's slots.
 */
export function mix(n: number, sandbox: Sandbox): Map<KindEntry, unknown[] | undefined> {
  const registered = new Set(registry.map((k) => k.token));
  const kinds = KINDS.filter((k) => registered.has(k.token)).map((k) => ({ k, slots: k.slots?.(sandbox), count: 0 }));
  const room = (e: (typeof kinds)[number]) => (e.slots ? e.slots.length - e.count : Infinity);
  let left = n;
  if (n >= kinds.length) for (const e of kinds) if (room(e) > 0) (e.count++, left--);
  while (left > 0) {
    const open = kinds.filter((e) => room(e) > 0);
    if (open.length === 0) throw new Error(`bench: only ${n - left} resources fit the sandbox's slots`);
    const total = open.reduce((sum, e) => sum + e.k.weight, 0);
    const shares = open.map((e) => ({ e, share: (left * e.k.weight) / total }));
    const whole = shares.map(({ e, share }) => Math.min(Math.floor(share), room(e)));
    let extra = left - whole.reduce((a, b) => a + b, 0);
    shares.forEach(({ e }, i) => (e.count += whole[i]));
    for (const { e } of [...shares].sort((a, b) => (b.share % 1) - (a.share % 1))) if (extra > 0 && room(e) > 0) (e.count++, extra--);
    left = extra;
  }
  return new Map(kinds.filter((e) => e.count > 0).map((e) => [e.k, e.slots?.slice(0, e.count) ?? Array(e.count).fill(undefined)]));
}

/**
 * The resources of a program of N. `on(i)` says where resource i's switch is: everything false at creation,
 * true for "one switch on every resource", true but for resource 0 for "one switch on one resource".
 */
export function specs(plan: Map<KindEntry, unknown[] | undefined>, on: (i: number) => boolean): Spec[] {
  const out: Spec[] = [];
  for (const [kind, slots] of plan) {
    (slots ?? []).forEach((slot, i) => {
      const index = out.length;
      const grantRead = kind.grantRead?.(on(index), slot);
      out.push({ token: kind.token, name: `${kind.token.replace(":", "-")}-${i}`, args: kind.args(i, on(index), slot), ...(grantRead ? { grantRead } : {}) });
    });
  }
  return out;
}

/** Our program: the resource list as data and one loop (the program's own cost stays the same for every kind). */
export function programFor(list: Spec[]): string {
  const rows = list.map((s) => JSON.stringify([...s.token.split(":"), s.name, s.args])).join(",\n  ");
  return `import * as helpdesk from "pulumi-helpdesk";
const resources: Array<[string, string, string, any]> = [
  ${rows},
];
for (const [vendor, type, name, args] of resources) new (helpdesk as any)[vendor][type](name, args);
`;
}
