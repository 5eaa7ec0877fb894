/** What grants access: a profile, a role, a custom role, a team role; with the permissions it carries. */
export interface Holder {
  key: string;
  /** The object's own name ("Supervisor"), for references from the program. */
  name: string;
  /** How a report names it: `profile "Supervisor"`, `custom role "Billing Desk"`. */
  label: string;
  permissions: Set<string>;
}

/** Someone who signs in: an agent or a user, with the holders that give them access. */
export interface Person {
  id: string;
  name: string;
  email: string;
  holders: string[];
}

/** One account's access: who holds what, through which holder. Live or as a program intends it. */
export interface AccessModel {
  holders: Map<string, Holder>;
  people: Person[];
}

/** One cell of the matrix: a person holds a permission through a holder. */
export interface Grant {
  person: string;
  email: string;
  via: string;
  permission: string;
}

export function grantsOf(model: AccessModel): Grant[] {
  return model.people.flatMap((person) =>
    person.holders.flatMap((key) => {
      const holder = model.holders.get(key);
      return holder ? [...holder.permissions].sort().map((permission) => ({ person: person.name, email: person.email, via: holder.label, permission })) : [];
    }),
  );
}

/** A copy whose holders and people can be changed without touching the original. */
export function copyModel(model: AccessModel): AccessModel {
  return {
    holders: new Map([...model.holders].map(([key, h]) => [key, { ...h, permissions: new Set(h.permissions) }])),
    people: model.people.map((p) => ({ ...p, holders: [...p.holders] })),
  };
}

/** Switches (on/off by permission) onto a holder's set: true grants, false takes away. */
export function applySwitches(holder: Holder, switches: Record<string, boolean>): void {
  for (const [permission, on] of Object.entries(switches)) {
    if (on) holder.permissions.add(permission);
    else holder.permissions.delete(permission);
  }
}

export type GrantStatus = "held" | "only live" | "only intended";

export interface ComparedGrant extends Grant {
  status: GrantStatus;
}

const keyOf = (g: Grant) => `${g.email.toLowerCase()}\u0000${g.via}\u0000${g.permission}`;

/** Every grant of either side, saying whether both hold it or only one. */
export function compare(live: Grant[], intended: Grant[]): ComparedGrant[] {
  const intendedKeys = new Set(intended.map(keyOf));
  const liveKeys = new Set(live.map(keyOf));
  return [
    ...live.map((g) => ({ ...g, status: (intendedKeys.has(keyOf(g)) ? "held" : "only live") as GrantStatus })),
    ...intended.filter((g) => !liveKeys.has(keyOf(g))).map((g) => ({ ...g, status: "only intended" as GrantStatus })),
  ];
}
