import { readFile } from "fs/promises";
import { Claim, collisions } from "../core/claims";
import { formatOwner, ResourceOwner } from "../core/ownership";
import { CheckFailure, ProgramEntry, ResourceKind } from "../core/resource-kind";

/** Finds the kind behind another resource of the program, by its type token. */
export type KindLookup = (token: string) => ResourceKind<any, any> | undefined;

/**
 * One program's resources as the provider process sees them, read once per listing file however many resources
 * point at it, with every resource's claims worked out once: a check then costs its own claims, not the program's.
 */
export class ProgramListing {
  private claimIndex?: Promise<Map<string, Array<{ owner: string; claim: Claim }>>>;

  constructor(readonly entries: readonly ProgramEntry[]) {}

  othersThan(owner: ResourceOwner | undefined): ProgramEntry[] {
    const self = owner ? formatOwner(owner) : undefined;
    return this.entries.filter((entry) => entry.owner !== self);
  }

  /** Refusals for each claim of `own` that another resource of the program also makes. */
  async collisions(owner: ResourceOwner, own: readonly Claim[], kindFor: KindLookup): Promise<CheckFailure[]> {
    const index = await (this.claimIndex ??= this.indexClaims(kindFor));
    const self = formatOwner(owner);
    const holders = new Map<string, Claim[]>();
    for (const claim of own) {
      for (const holder of index.get(claim.key) ?? []) {
        if (holder.owner !== self) holders.set(holder.owner, [...(holders.get(holder.owner) ?? []), holder.claim]);
      }
    }
    return collisions(owner, own, [...holders].map(([other, claims]) => ({ owner: other, claims })));
  }

  private async indexClaims(kindFor: KindLookup): Promise<Map<string, Array<{ owner: string; claim: Claim }>>> {
    const index = new Map<string, Array<{ owner: string; claim: Claim }>>();
    for (const entry of this.entries) {
      for (const claim of (await kindFor(entry.type)?.claims(entry.inputs)) ?? []) {
        index.set(claim.key, [...(index.get(claim.key) ?? []), { owner: entry.owner, claim }]);
      }
    }
    return index;
  }
}

const listings = new Map<string, Promise<ProgramListing>>();

/**
 * The listing the program wrote for this check. It lives on the machine that runs the program, which is the one
 * running this provider under the CLI; where it cannot be read, checks fall back to each resource on its own.
 */
export function programListing(file: unknown): Promise<ProgramListing> {
  if (typeof file !== "string") return Promise.resolve(new ProgramListing([]));
  let listing = listings.get(file);
  if (!listing) {
    listing = readFile(file, "utf8").then(
      (text) => new ProgramListing(JSON.parse(text) as ProgramEntry[]),
      () => new ProgramListing([]),
    );
    listings.set(file, listing);
  }
  return listing;
}
