import { expect } from "vitest";
import { PulumiProject } from "../../harness/project";

/** A bad program: the story, the resource arguments a user wrote, the property the error must name ("" for the resource), and words of the rule. */
export type BadArguments = [story: string, args: string, property: string, rule: RegExp];

/** The engine shows a top-level value itself; a nested path carries its path and value in the reason. */
export function namesProperty(output: string, resource: string, property: string): boolean {
  if (property === "") return output.includes(`resource '${resource}' has a problem: `);
  return output.includes(`resource '${resource}': property ${property} value`) || output.includes(`resource '${resource}' has a problem: property ${property} = `);
}

interface RefusalSetting {
  /** A getter: the project is made in beforeAll. */
  project: () => PulumiProject;
  /** Wraps resource declarations into a whole program (imports included). */
  program: (declarations: string) => string;
  /** What the vendor's sandbox received that changes something. */
  writes: () => unknown[];
  /** Credentials that no output may show. */
  secrets: () => string[];
}

/**
 * A check for one vendor's bad programs: the preview fails naming the resource's property (never as {<nil>}) and the
 * rule, shows no credential, and nothing reaches the vendor.
 */
export function refusedAtPreview(setting: RefusalSetting) {
  return async (declarations: string, resource: string, property: string, rule: RegExp): Promise<void> => {
    const project = setting.project();
    project.writeProgram(setting.program(declarations));
    const preview = await project.preview();
    expect(preview.code, preview.output).not.toBe(0);
    expect(namesProperty(preview.output, resource, property), preview.output).toBe(true);
    expect(preview.output).not.toContain("{<nil>}");
    expect(preview.output).toMatch(rule);
    for (const secret of setting.secrets()) expect(preview.output).not.toContain(secret);
    expect(setting.writes()).toEqual([]);
  };
}
