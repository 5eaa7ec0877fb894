import { z } from "zod";

/** C0 and C1 control characters; the vendors' UIs cannot show or type them. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
const CONTROL_EXCEPT_LINE_BREAKS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/** Characters that print nothing: white space, zero-width joiners and spaces, soft hyphen, word joiner, BOM. */
const INVISIBLE = /[\s\u00ad\u180e\u200b-\u200f\u2028-\u202f\u205f-\u2064\u3000\ufeff]/gu;

/**
 * A display name as vendors store it: no control characters, at least one visible character, and a length
 * counted in UTF-16 code units (the vendors' Java and JavaScript back ends count so; an emoji counts two).
 */
export function displayName(what: string, vendor: string, max: number) {
  return z
    .string()
    .refine((s) => !CONTROL.test(s), `${what} must not contain control characters (line breaks, tabs, ...)`)
    .refine((s) => s.replace(INVISIBLE, "").length > 0, `${what} must not be empty or only invisible characters`)
    .refine((s) => s.length <= max, { message: `${what} must be at most ${max} characters (${vendor}'s limit, counted as UTF-16 code units)` });
}

/** Free text (descriptions): line breaks and tabs are fine, other control characters are not. */
export function freeText(what: string, vendor: string, max: number) {
  return z
    .string()
    .refine((s) => !CONTROL_EXCEPT_LINE_BREAKS.test(s), `${what} must not contain control characters other than line breaks and tabs`)
    .refine((s) => s.length <= max, { message: `${what} must be at most ${max} characters (${vendor}'s limit)` });
}
