import { VendorApiError, VendorUnreachableError } from "../core/errors";

/** A create whose outcome was unknown and that provably did not land is sent again, this many times at most. */
const ATTEMPTS = 3;

/**
 * A create (a POST) is not safe to repeat blindly. When its answer is lost (a dropped connection, a 5xx), `landed`
 * looks for what it would have made, by the key Chatwoot keeps unique (an agent's email, a role's name): found, it
 * is the result; provably absent, the create is sent again.
 */
export async function createOnce<T>(send: () => Promise<T>, landed: () => Promise<T | undefined>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      const outcomeUnknown = error instanceof VendorUnreachableError || (error instanceof VendorApiError && error.status >= 500);
      if (!outcomeUnknown) throw error;
      const found = await landed();
      if (found) return found;
      if (attempt >= ATTEMPTS) throw error;
    }
  }
}
