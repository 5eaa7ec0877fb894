import { copyMatrix, type Permissions } from "./permission-matrix";
import { seedAgents, seedProfiles, type Agent, type Profile, type StoredProfile } from "./seed";
import type { ProfileInput } from "./validation";

export interface ProfileFilter {
  default?: boolean;
  visible?: boolean;
  searchStr?: string;
}

/** In-memory Zoho Desk org state: profiles (in creation order) and agents. */
export class DeskStore {
  private readonly profiles = new Map<string, StoredProfile>();
  private agents: Agent[] = seedAgents();
  private nextId = 4000000021001;

  constructor() {
    for (const p of seedProfiles()) this.profiles.set(p.profile.id, p);
  }

  get(id: string): StoredProfile | undefined {
    return this.profiles.get(id);
  }

  /** A deep copy of the wire profile. */
  view(id: string): Profile | undefined {
    const p = this.profiles.get(id);
    return p ? (JSON.parse(JSON.stringify(p.profile)) as Profile) : undefined;
  }

  list(filter: ProfileFilter = {}): Profile[] {
    const out: Profile[] = [];
    for (const { profile } of this.profiles.values()) {
      if (filter.default !== undefined && profile.default !== filter.default) continue;
      if (filter.visible !== undefined && profile.isVisible !== filter.visible) continue;
      if (filter.searchStr !== undefined && !matchesSearch(profile, filter.searchStr)) continue;
      out.push(this.view(profile.id)!);
    }
    return out;
  }

  findByName(name: string): Profile | undefined {
    const wanted = name.toLowerCase();
    for (const { profile } of this.profiles.values()) {
      if (profile.name.toLowerCase() === wanted) return this.view(profile.id);
    }
    return undefined;
  }

  // Source silent: name uniqueness rules; we compare names case-insensitively.
  nameTaken(name: string, exceptId?: string): boolean {
    const found = this.findByName(name);
    return found !== undefined && found.id !== exceptId;
  }

  create(input: { name: string; description: string | null; permissions: Permissions }): Profile {
    const id = String(this.nextId);
    this.nextId += 10;
    this.profiles.set(id, {
      profile: { default: false, permissions: copyMatrix(input.permissions), name: input.name, description: input.description, id, isVisible: true, type: "Custom" },
      editable: true,
      deletable: true,
    });
    return this.view(id)!;
  }

  /** Apply an already validated partial update; permissions merge key by key. */
  update(id: string, input: ProfileInput): Profile {
    const p = this.profiles.get(id)!.profile;
    if (input.name !== undefined) p.name = input.name;
    if (input.description !== undefined) p.description = input.description;
    for (const [module, keys] of Object.entries(input.permissions ?? {})) {
      for (const [key, flag] of Object.entries(keys)) p.permissions[module][key] = flag;
    }
    return this.view(id)!;
  }

  remove(id: string, transferToId: string): void {
    for (const agent of this.agents) if (agent.profileId === id) agent.profileId = transferToId;
    this.profiles.delete(id);
  }

  agentsOf(profileId: string, filter: { active?: boolean; confirmed?: boolean } = {}): Agent[] {
    return this.agents
      .filter((a) => a.profileId === profileId)
      .filter((a) => filter.active === undefined || (a.status === "ACTIVE") === filter.active)
      .filter((a) => filter.confirmed === undefined || a.isConfirmed === filter.confirmed)
      .map((a) => ({ ...a }));
  }

  agent(id: string): Agent | undefined {
    const a = this.agents.find((x) => x.id === id);
    return a ? { ...a } : undefined;
  }
}

/** searchStr semantics from the profile OAS: "abc*" prefix, "*abc*" contains, "abc" exact; name or description. */
function matchesSearch(p: Profile, raw: string): boolean {
  // Source silent: case sensitivity; we match case-insensitively.
  const s = raw.toLowerCase();
  const fields = [p.name, p.description ?? ""].map((f) => f.toLowerCase());
  if (s.startsWith("*") && s.endsWith("*") && s.length >= 2) return fields.some((f) => f.includes(s.slice(1, -1)));
  if (s.endsWith("*")) return fields.some((f) => f.startsWith(s.slice(0, -1)));
  return fields.some((f) => f === s);
}
