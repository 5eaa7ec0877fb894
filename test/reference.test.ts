import { readFileSync } from "fs";
import { join } from "path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../harness/repo-root";
import { references, renderReference } from "../scripts/gen-reference";

describe("docs/reference is generated from the schemas", () => {
  it.each(references)("$file is current (run npm run docs after changing a schema)", ({ token, schema, file }) => {
    expect(readFileSync(join(repoRoot, "docs", "reference", file), "utf8")).toBe(renderReference(token, schema));
  });
});
