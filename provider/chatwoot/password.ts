import { randomBytes, scryptSync, timingSafeEqual } from "crypto";

/**
 * A password is write-only: Chatwoot never shows it, and neither the state nor the CLI may hold it. The engine stores
 * the inputs check() returns, so check() swaps the password for a salted scrypt hash and keeps the clear text in
 * this process only, for the create or update of the same run (the engine always checks before it writes, in the
 * process that writes). The next check hashes the program's password with the stored salt: the same password gives
 * the same hash, so only a changed password is a diff, and only then is it sent.
 */
const PREFIX = "scrypt:";
const pending = new Map<string, { password: string; currentPassword: string }>();

export function hashPassword(password: string, previousHash?: unknown): string {
  const salt = typeof previousHash === "string" && previousHash.startsWith(PREFIX) ? Buffer.from(previousHash.split(":")[1], "base64") : randomBytes(16);
  const hash = scryptSync(password, salt, 32, { N: 16384, r: 8, p: 1 });
  return `${PREFIX}${salt.toString("base64")}:${hash.toString("base64")}`;
}

export function sameHash(a: unknown, b: unknown): boolean {
  if (typeof a !== "string" || typeof b !== "string" || a.length !== b.length) return a === b;
  return timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

/** Kept for the write of this run, by resource ("project/stack/name"). */
export function holdPassword(owner: string, password: string, currentPassword: string): void {
  pending.set(owner, { password, currentPassword });
}

/** The clear text held for this resource's write, if its check ran in this process. Used once. */
export function takePassword(owner: string): { password: string; currentPassword: string } | undefined {
  const held = pending.get(owner);
  pending.delete(owner);
  return held;
}
