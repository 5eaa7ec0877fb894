/** "Tier 2 Escalations" -> "tier-2-escalations": readable, valid in a URN, the same on every run. */
export function slug(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
}

/**
 * Resource names unique in one program: the slug of the object's name, or of its id when the name has no letters
 * or digits (a name of emoji), with -2, -3 ... when two objects slug alike ("Tier 1" and "Tier-1").
 */
export class ResourceNames {
  private readonly taken = new Set<string>();

  /** With a connection, names start with it, so exports of two accounts fit in one program ("eu-tier-1"). */
  constructor(private readonly connection?: string) {}

  allocate(name: string, fallback: string): string {
    const base = [this.connection ? slug(this.connection) : "", slug(name) || slug(fallback)].filter(Boolean).join("-");
    let candidate = base;
    for (let n = 2; this.taken.has(candidate); n++) candidate = `${base}-${n}`;
    this.taken.add(candidate);
    return candidate;
  }
}
