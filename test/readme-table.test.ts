import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../harness/repo-root";

const readme = readFileSync(join(repoRoot, "README.md"), "utf8");
const section = readme.slice(readme.indexOf("## What happens when things go wrong"), readme.indexOf("## Drift detection"));
const evidence = [...section.matchAll(/\| `(test\/[^`]+)`: "([^"]+)" \|/g)].map(([, file, title]) => ({ file, title }));

describe("the README's table of faults and bad inputs names tests that exist", () => {
  it("has rows", () => expect(evidence.length).toBeGreaterThan(20));

  it.each(evidence)("$file has the test \"$title\"", ({ file, title }) => {
    expect(existsSync(join(repoRoot, file)), file).toBe(true);
    expect(readFileSync(join(repoRoot, file), "utf8")).toContain(title);
  });
});
