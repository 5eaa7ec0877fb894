import { editDistance } from "../core/edit-distance";
import { Toggle } from "./client";
import { CrmPermissions, DetailedProfile } from "./schema";

interface CataloguedPermission {
  id: string;
  name: string;
  customizable: boolean;
  /** Names of the permissions that must be on before this one can be. */
  parents: string[];
  /** 0 for a permission without parents; a child is deeper than each of its parents. */
  depth: number;
}

/**
 * One org's permissions, by name: its ids (they differ per org), parents and whether Zoho lets anyone change them.
 * Taken from one single-profile GET, whose permissions_details lists the whole catalogue.
 */
export class PermissionCatalogue {
  private readonly byName = new Map<string, CataloguedPermission>();

  constructor(profile: DetailedProfile) {
    const nameOfId = new Map(profile.permissions_details.map((p) => [p.id, p.name]));
    for (const p of profile.permissions_details) {
      const parents = (p.parent_permissions ?? []).map((id) => nameOfId.get(id) ?? id);
      this.byName.set(p.name, { id: p.id, name: p.name, customizable: p.customizable !== false, parents, depth: 0 });
    }
    for (const p of this.byName.values()) p.depth = this.depthOf(p.name, new Set());
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  isCustomizable(name: string): boolean {
    return this.byName.get(name)?.customizable ?? false;
  }

  parentsOf(name: string): string[] {
    return this.byName.get(name)?.parents ?? [];
  }

  /** No permission has it as a parent: switching it changes no other switch. */
  isLeaf(name: string): boolean {
    return ![...this.byName.values()].some((p) => p.parents.includes(name));
  }

  /** The valid names closest to a misspelt one (edit distance, case ignored), best first. */
  closest(name: string, count = 3): string[] {
    const wanted = name.toLowerCase();
    const limit = Math.max(3, Math.floor(wanted.length / 4));
    return [...this.byName.keys()]
      .map((candidate) => ({ candidate, distance: editDistance(candidate.toLowerCase(), wanted) }))
      .filter(({ distance }) => distance <= limit)
      .sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate))
      .slice(0, count)
      .map(({ candidate }) => candidate);
  }

  /** The switches as Zoho's body wants them: this org's ids, parents before children (Zoho applies them in order), then by name so a body is reproducible. */
  toggles(switches: CrmPermissions): Toggle[] {
    return Object.entries(switches)
      .map(([name, enabled]) => ({ permission: this.byName.get(name)!, enabled }))
      .sort((a, b) => a.permission.depth - b.permission.depth || a.permission.name.localeCompare(b.permission.name))
      .map(({ permission, enabled }) => ({ id: permission.id, name: permission.name, enabled }));
  }

  private depthOf(name: string, seen: Set<string>): number {
    const parents = this.byName.get(name)?.parents ?? [];
    if (seen.has(name) || parents.length === 0) return 0;
    const path = new Set(seen).add(name);
    return 1 + Math.max(...parents.map((parent) => this.depthOf(parent, path)));
  }
}
