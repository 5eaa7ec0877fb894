import { z } from "zod";
import { editDistance } from "./edit-distance";
import { formatPath } from "./leaves";
import { CheckFailure } from "./resource-kind";

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
