/** How `pulumi preview --json` prints a value the program or provider marked secret. */
export const ENGINE_SECRET = "[secret]";

/**
 * Inputs that are credentials whatever the program marked: a password passed without pulumi.secret must not reach a
 * pull-request comment either. Compared without case, at any depth.
 */
const CREDENTIAL_KEY = /password|token|secret|api_?key|credential/i;

export const isCredentialKey = (key: string): boolean => CREDENTIAL_KEY.test(key);

/** A value that may be shown: not the engine's secret marker, and nothing inside it under a credential key. */
export function isShowable(key: string, value: unknown): boolean {
  if (isCredentialKey(key) || value === ENGINE_SECRET) return false;
  if (Array.isArray(value)) return value.every((item) => isShowable("", item));
  if (typeof value === "object" && value !== null) return Object.entries(value).every(([k, v]) => isShowable(k, v));
  return true;
}
