import type { Clock } from "../core/clock";
import type { ZohoDataCentre } from "../zoho-accounts";
import { CATEGORIES, PERMISSIONS, SECTION_ORDER, type PermissionDefinition } from "./permissions";
import { crmId, ORG_SEEDS, SEED_PROFILES, type OrgSeed } from "./seed";

/** A permission of one org: the catalogue entry with this org's id and its parents' ids. */
export interface OrgPermission extends PermissionDefinition {
  id: string;
  parentIds: string[] | null;
}

export type ProfileType = "normal_profile" | "lite_profile";

export interface UserRef {
  name: string;
  id: string;
}

/** Internal record of a profile. */
export interface StoredProfile {
  id: string;
  name: string;
  api_name: string;
  description: string | null;
  custom: boolean;
  type: ProfileType;
  created_time: string | null;
  modified_time: string | null;
  created_by: UserRef | null;
  modified_by: UserRef | null;
  /** Permission id -> enabled. */
  enabled: Map<string, boolean>;
}

/** Wire shape of a permission entry (key order as in Zoho's sample). */
export interface WirePermission {
  display_label: string;
  module: string | null;
  name: string;
  customizable: boolean;
  id: string;
  enabled: boolean;
  parent_permissions: string[] | null;
}

export interface WireCategory {
  display_label: string;
  permissions_details: string[];
  module?: string | null;
  name: string;
}

/** Wire shape of a profile in a list (key order as in Zoho's list sample). */
export interface WireProfileSummary {
  display_label: string;
  created_time: string | null;
  modified_time: string | null;
  api_name: string;
  custom: boolean;
  name: string;
  modified_by: UserRef | null;
  description: string | null;
  id: string;
  type: ProfileType;
  created_by: UserRef | null;
}

/** Wire shape of a single-profile GET: the summary plus the permission tree. */
export interface WireProfile extends WireProfileSummary {
  sections: Array<{ name: string; categories: WireCategory[] }>;
  permissions_details: WirePermission[];
}

export interface CrmUser {
  id: string;
  name: string;
  email: string;
  profileId: string;
}

/** Zoho's timestamps: ISO 8601 with an offset and no fraction, e.g. "2025-05-28T15:10:51+05:30". */
export function zohoTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "+00:00");
}

/** In-memory state of one Zoho CRM org (one data centre). */
export class CrmOrgStore {
  readonly dataCentre: ZohoDataCentre;
  readonly orgId: string;
  readonly permissions: OrgPermission[];
  private readonly byId = new Map<string, OrgPermission>();
  private readonly byName = new Map<string, OrgPermission>();
  private readonly children = new Map<string, string[]>();
  private readonly profiles = new Map<string, StoredProfile>();
  private users: CrmUser[] = [];
  private readonly seed: OrgSeed;
  private nextSerial: number;
  /** The token owner (the admin user the API acts as). */
  readonly owner: UserRef;
  /** Maximum number of profiles the licence allows (LICENSE_LIMIT_EXCEEDED past it). */
  licenseLimit: number;

  constructor(dataCentre: ZohoDataCentre, private readonly clock: Clock, licenseLimit: number) {
    this.dataCentre = dataCentre;
    this.seed = ORG_SEEDS[dataCentre];
    this.orgId = this.seed.orgId;
    this.licenseLimit = licenseLimit;
    this.nextSerial = this.seed.nextProfileSerial;
    const ids = new Map(PERMISSIONS.map((p, i) => [p.name, crmId(this.seed.prefix, this.seed.permissionSerial(i))]));
    this.permissions = PERMISSIONS.map((p) => ({ ...p, id: ids.get(p.name)!, parentIds: p.parents ? p.parents.map((n) => ids.get(n)!) : null }));
    for (const p of this.permissions) {
      this.byId.set(p.id, p);
      this.byName.set(p.name, p);
      for (const parent of p.parentIds ?? []) this.children.set(parent, [...(this.children.get(parent) ?? []), p.id]);
    }
    const userIds = this.seed.users.map((_, k) => crmId(this.seed.prefix, this.seed.userSerial(k)));
    this.owner = { name: this.seed.users[0].name, id: userIds[0] };
    const profileIds = new Map<string, string>();
    SEED_PROFILES.forEach((s, k) => {
      const id = crmId(this.seed.prefix, this.seed.profileSerial(k));
      profileIds.set(s.name, id);
      this.profiles.set(id, {
        id,
        name: s.name,
        api_name: apiNameFor(s.name, new Set()),
        description: s.description,
        custom: s.custom,
        type: s.type,
        created_time: s.createdTime,
        modified_time: s.modifiedTime,
        created_by: s.custom ? { ...this.owner } : null,
        modified_by: { ...this.owner },
        enabled: new Map(this.permissions.map((p) => [p.id, s.enabled.has(p.name)])),
      });
    });
    this.users = this.seed.users.map((u, k) => ({ id: userIds[k], name: u.name, email: u.email, profileId: profileIds.get(u.profile)! }));
  }

  permissionById(id: string): OrgPermission | undefined {
    return this.byId.get(id);
  }

  permissionByName(name: string): OrgPermission | undefined {
    return this.byName.get(name);
  }

  /** Ids of the permissions whose parents include this one. */
  childrenOf(id: string): string[] {
    return this.children.get(id) ?? [];
  }

  get(id: string): StoredProfile | undefined {
    return this.profiles.get(id);
  }

  all(): StoredProfile[] {
    return [...this.profiles.values()];
  }

  count(): number {
    return this.profiles.size;
  }

  // Source silent: whether profile names compare case-insensitively; we compare them case-insensitively.
  findByName(name: string): StoredProfile | undefined {
    const wanted = name.toLowerCase();
    return this.all().find((p) => p.name.toLowerCase() === wanted);
  }

  /** System profiles (Administrator, Standard) and the other built-in (custom: false) ones. */
  isSystem(p: StoredProfile): boolean {
    return !p.custom;
  }

  summary(p: StoredProfile): WireProfileSummary {
    return {
      display_label: p.name,
      created_time: p.created_time,
      modified_time: p.modified_time,
      api_name: p.api_name,
      custom: p.custom,
      name: p.name,
      modified_by: p.modified_by ? { ...p.modified_by } : null,
      description: p.description,
      id: p.id,
      type: p.type,
      created_by: p.created_by ? { ...p.created_by } : null,
    };
  }

  full(p: StoredProfile): WireProfile {
    const sections = SECTION_ORDER.map((section) => ({
      name: section,
      categories: CATEGORIES.filter((c) => c.section === section).map((c) => {
        const ids = this.permissions.filter((x) => x.section === section && x.category === c.name).map((x) => x.id);
        // The sample omits `module` on categories that are not a module's.
        const category: WireCategory = { display_label: c.display_label, permissions_details: ids, ...(c.module !== undefined ? { module: c.module } : {}), name: c.name };
        return category;
      }),
    }));
    const permissions_details = this.permissions.map((x) => ({
      display_label: x.display_label,
      module: x.module,
      name: x.name,
      customizable: x.customizable,
      id: x.id,
      enabled: p.enabled.get(x.id) === true,
      parent_permissions: x.parentIds ? [...x.parentIds] : null,
    }));
    return { ...this.summary(p), sections, permissions_details };
  }

  /** A new profile with the source's permissions (clone). */
  create(input: { name: string; description: string | null; source: StoredProfile; by?: UserRef }): StoredProfile {
    const id = crmId(this.seed.prefix, this.nextSerial);
    this.nextSerial += 2;
    const now = zohoTime(this.clock.now());
    const by = input.by ?? this.owner;
    const taken = new Set(this.all().map((p) => p.api_name.toLowerCase()));
    const profile: StoredProfile = {
      id,
      name: input.name,
      api_name: apiNameFor(input.name, taken),
      description: input.description,
      custom: true,
      type: "normal_profile",
      created_time: now,
      modified_time: now,
      created_by: { ...by },
      modified_by: { ...by },
      enabled: new Map(input.source.enabled),
    };
    this.profiles.set(id, profile);
    return profile;
  }

  /** Apply validated changes: name/description as given, then the final permission states. */
  update(id: string, change: { name?: string; description?: string | null; enabled?: Map<string, boolean> }, by: UserRef = this.owner): StoredProfile {
    const p = this.profiles.get(id)!;
    if (change.name !== undefined) p.name = change.name;
    if (change.description !== undefined) p.description = change.description;
    if (change.enabled) for (const [pid, on] of change.enabled) p.enabled.set(pid, on);
    p.modified_time = zohoTime(this.clock.now());
    p.modified_by = { ...by };
    return p;
  }

  remove(id: string, transferTo: string): void {
    for (const u of this.users) if (u.profileId === id) u.profileId = transferTo;
    this.profiles.delete(id);
  }

  usersOf(profileId: string): CrmUser[] {
    return this.users.filter((u) => u.profileId === profileId).map((u) => ({ ...u }));
  }

  allUsers(): CrmUser[] {
    return this.users.map((u) => ({ ...u }));
  }

  /** As an administrator changing a user's profile in Setup > Users. */
  moveUser(userId: string, profileId: string): CrmUser {
    const user = this.users.find((u) => u.id === userId);
    if (!user || !this.profiles.has(profileId)) throw new Error(`sandbox: no user ${userId} or no profile ${profileId}`);
    user.profileId = profileId;
    return { ...user };
  }
}

/**
 * Source silent: how Zoho derives a custom profile's api_name (its sample turns "34r8ynjke" into "r8ynjk"); we keep
 * letters, digits and underscores, start at the first letter, and add "_2", "_3"... on a clash. Seeded names map to
 * what the sample shows ("Team User" -> "Team_User").
 */
function apiNameFor(name: string, taken: Set<string>): string {
  let base = name.replace(/[^A-Za-z0-9_]+/g, "_").replace(/^[^A-Za-z]+/, "").replace(/_+$/, "").slice(0, 45);
  if (base === "") base = "Profile";
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${base}_${n}`;
  return candidate;
}
