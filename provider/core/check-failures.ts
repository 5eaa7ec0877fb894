import { z } from "zod";
import { CheckFailure } from "./resource-kind";
import { formatPath } from "./leaves";

/** The keys allowed in the object at a path, to suggest the right spelling after a typo. */
export type AllowedKeys = (objectPath: string[]) => readonly string[] | undefined;

/** Turns zod issues into failures that name the property path and the rule broken. */
export function failuresFromZod(error: z.ZodError, allowedKeys: AllowedKeys = () => undefined): CheckFailure[] {
  return error.issues.flatMap((issue): CheckFailure[] => {
    const path = issue.path.map(String);
    if (issue.code === "unrecognized_keys") {
      const allowed = allowedKeys(path);
      return issue.keys.map((key) => ({
        property: formatPath([...path, key]),
        reason: `unknown key '${key}'${allowed ? `${closest(key, allowed)}; allowed here: ${allowed.join(", ")}` : ""}`,
      }));
    }
    const missing = issue.code === "invalid_type" && issue.message.endsWith("received undefined");
    return [{ property: formatPath(path) || "(inputs)", reason: missing ? `is required (${issue.message.replace(/, received undefined$/, "")})` : issue.message }];
  });
}

function closest(key: string, allowed: readonly string[]): string {
  const lower = key.toLowerCase();
  const match = allowed.find((candidate) => {
    const c = candidate.toLowerCase();
    return c === lower || c.startsWith(lower) || lower.startsWith(c) || editDistance(c, lower) <= 2;
  });
  return match ? ` (did you mean '${match}'?)` : "";
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}
