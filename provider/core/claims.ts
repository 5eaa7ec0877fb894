import { describeOwner, formatOwner, parseOwner, ResourceOwner } from "./ownership";
import { CheckFailure } from "./resource-kind";

/**
 * What a resource says it manages, for checks that need the whole program: a vendor object ("zohoDesk 6001
 * profile 4000000018001"), a unique name compared the vendor's way ("zohoDesk 6001 profile-name tier 1"), or one
 * permission key. Two resources of one program claiming the same thing are refused at preview.
 */
export interface Claim {
  key: string;
  /** Shown to the user: "Zoho Desk profile name 'Tier 1'". */
  what: string;
  /** The argument that makes the claim, named in the failure. */
  property: string;
}

/** One failure per claim of `own` that another resource of the program also makes, naming that resource. */
export function collisions(owner: ResourceOwner, own: readonly Claim[], others: ReadonlyArray<{ owner: string; claims: readonly Claim[] }>): CheckFailure[] {
  return own.flatMap((claim) =>
    others
      .filter((other) => other.claims.some((theirs) => theirs.key === claim.key))
      .map((other) => ({
        property: claim.property,
        reason: `${claim.what} is also claimed by ${describeOwner(parseOwner(other.owner)!, owner)}; ` +
          `two resources cannot manage it (each would undo the other)`,
      })),
  );
}

/**
 * What the resources checked in this provider process manage. The engine sends one run's checks, creates and
 * deletes to one process, so a delete can see that the same run also adopts the object it is about to delete.
 */
class ClaimRegistry {
  private readonly holders = new Map<string, ResourceOwner>();

  record(owner: ResourceOwner, claims: readonly Claim[]): void {
    for (const claim of claims) this.holders.set(claim.key, owner);
  }

  heldByOther(key: string, owner: ResourceOwner | undefined): ResourceOwner | undefined {
    const holder = this.holders.get(key);
    return holder && (!owner || formatOwner(holder) !== formatOwner(owner)) ? holder : undefined;
  }
}

export const claimsOfThisRun = new ClaimRegistry();
