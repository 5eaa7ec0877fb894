import { z } from "zod";
import { editDistance } from "../core/edit-distance";

/** C0 and C1 control characters; Chatwoot's dashboard cannot show or type them. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_EXCEPT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const INVISIBLE = /[\s\u00ad\u180e\u200b-\u200f\u2028-\u202f\u205f-\u2064\u3000\ufeff]/gu;

/** Chatwoot's user strings (`name`, `display_name`, `email`): `length: { maximum: 255 }`, which Ruby counts in characters. */
export const MAX_USER_STRING = 255;

const characters = (s: string) => [...s].length;

/** A one-line text; with `max`, at most that many characters as Ruby counts them (an emoji counts one). */
export function line(what: string, { required, max }: { required: boolean; max?: number }) {
  return z
    .string()
    .refine((s) => !CONTROL.test(s), `${what} must not contain control characters (line breaks, tabs, ...)`)
    .refine((s) => !required || s.replace(INVISIBLE, "").length > 0, `${what} must not be empty or only invisible characters (Chatwoot: "can't be blank")`)
    .refine((s) => max === undefined || characters(s) <= max, { message: `${what} must be at most ${max} characters (Chatwoot's limit)` });
}

/** Free text (a message signature, a description): line breaks and tabs are fine, other control characters are not. */
export function text(what: string) {
  return z.string().refine((s) => !CONTROL_EXCEPT_LINE_BREAKS.test(s), `${what} must not contain control characters other than line breaks and tabs`);
}

/** devise's email_regexp (`/\A[^@\s]+@[^@\s]+\z/`) and the 255-character column. */
export const email = z
  .string()
  .regex(/^[^@\s]+@[^@\s]+$/, "email must look like name@example.com (one @, no spaces; Chatwoot: \"Email is invalid\")")
  .refine((s) => characters(s) <= MAX_USER_STRING, { message: `email must be at most ${MAX_USER_STRING} characters (Chatwoot's limit)` });

/** AccountUser's enums. */
export const ROLES = ["agent", "administrator"] as const;
export const AVAILABILITIES = ["online", "busy", "offline"] as const;

export const role = z.enum(ROLES, { error: () => `role must be one of ${ROLES.join(", ")}` });
export const availability = z.enum(AVAILABILITIES, { error: () => `availability must be one of ${AVAILABILITIES.join(", ")} (Chatwoot has no other)` });

/** Suggests the allowed value closest to a misspelt one: " (did you mean 'x'?)" or "". */
export function didYouMean(value: string, allowed: readonly string[]): string {
  const scored = allowed.map((candidate) => ({ candidate, distance: editDistance(value.toLowerCase(), candidate) }));
  const best = scored.sort((a, b) => a.distance - b.distance)[0];
  return best && best.distance <= Math.max(2, Math.floor(value.length / 4)) ? ` (did you mean '${best.candidate}'?)` : "";
}
