import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox } from "../../sandbox";
import { PulumiProject } from "../../harness/project";
import { deskProject, program, Sandbox } from "../support/desk";

/** Each case: the resource arguments a user wrote, the property the error must name, and words of the rule. */
const badPrograms: Array<[string, string, string, RegExp]> = [
  ["a typo in a permission key", `{ name: "Tier 2", permissions: { tickets: { delet: false } } }`, "permissions.tickets.delet", /unknown key 'delet' \(did you mean 'delete'\?\)/],
  ["an unknown permission module", `{ name: "Tier 2", permissions: { ticket: { view: true } } }`, "permissions.ticket", /unknown key 'ticket' \(did you mean 'tickets'\?\)/],
  ["a string where a switch goes", `{ name: "Tier 2", permissions: { tickets: { delete: "no" } } }`, "permissions.tickets.delete", /expected boolean/],
  ["a module given as a switch", `{ name: "Tier 2", permissions: { tickets: true } }`, "permissions.tickets", /expected object/],
  ["permissions as a list", `{ name: "Tier 2", permissions: ["tickets.view"] }`, "permissions", /expected object/],
  ["a name over 50 characters", `{ name: "${"N".repeat(51)}" }`, "name", /at most 50 characters/],
  ["an empty name", `{ name: "  " }`, "name", /must not be empty/],
  ["no name at all", `{ description: "nameless" }`, "name", /name = \(absent\): is required \(Invalid input: expected string\)/],
  ["a description over 3200 characters", `{ name: "Tier 2", description: "${"d".repeat(3201)}" }`, "description", /at most 3200 characters/],
  ["a misspelt argument", `{ name: "Tier 2", permission: { tickets: { view: true } } }`, "permission", /unknown key 'permission' \(did you mean 'permissions'\?\)/],
  ["an unknown clone source", `{ name: "Tier 2", cloneFrom: "Tier Zero" }`, "cloneFrom", /no Zoho Desk profile is named 'Tier Zero'/],
  ["an unknown transfer target", `{ name: "Tier 2", transferToProfile: "Nobody" }`, "transferToProfile", /no Zoho Desk profile is named 'Nobody'/],
  ["adopting a profile that does not exist", `{ name: "Tier 2", adopt: "Ghost Profile" }`, "adopt", /no Zoho Desk profile is named 'Ghost Profile'/],
  ["a name another profile already has", `{ name: "supervisor" }`, "name", /already exists .* set adopt: 'Supervisor'/],
  ["a line break in the name", `{ name: "Tier\\n2" }`, "name", /must not contain control characters/],
  ["a name of invisible characters only", `{ name: "\\u200b\\u200b " }`, "name", /must not be empty or only invisible characters/],
  ["a name over 50 characters as Zoho counts them (emoji count two)", `{ name: "${"🎧".repeat(26)}" }`, "name", /at most 50 characters .*UTF-16/],
  ["adopt together with cloneFrom", `{ name: "Agent Advisors", adopt: "Agent Advisors", cloneFrom: "Agent" }`, "cloneFrom", /cannot be combined with adopt/],
  ["adopting a built-in profile", `{ name: "Support Administrator", adopt: "Support Administrator" }`, "adopt", /built-in Zoho Desk profile .*cannot be adopted/],
  ["adopting the portal profile", `{ name: "Help Center", adopt: "Help Center" }`, "adopt", /built-in Zoho Desk profile \(type Portal\)/],
  ["cloning the portal profile", `{ name: "Tier 2", cloneFrom: "Help Center" }`, "cloneFrom", /portal profile, for end users; Zoho refuses to clone it/],
  ["transferring agents to the portal profile", `{ name: "Tier 2", transferToProfile: "Help Center" }`, "transferToProfile", /agents cannot be moved to it/],
  ["transferring agents to the profile itself", `{ name: "Agent Advisors", adopt: "Agent Advisors", transferToProfile: "agent advisors" }`, "transferToProfile", /is this profile itself/],
  ["a description that leaves no room for the ownership marker", `{ name: "Tier 2", description: "${"d".repeat(3190)}" }`, "description", /at most \d+ characters here: Zoho Desk allows 3200, and the profile also carries the ownership marker/],
];

/** The engine shows a top-level value itself; a nested path carries its path and value in the reason. */
function namesProperty(output: string, resource: string, property: string): boolean {
  return output.includes(`resource '${resource}': property ${property} value`) || output.includes(`resource '${resource}' has a problem: property ${property} = `);
}

describe("bad programs fail at preview, naming the property, and nothing is written", () => {
  let sandbox: Sandbox;
  let project: PulumiProject;

  beforeAll(async () => {
    sandbox = await startSandbox();
    project = await deskProject(sandbox, "bad-programs", program(""));
  });
  afterAll(async () => sandbox?.close());

  it.each(badPrograms)("%s", async (_story, args, property, rule) => {
    project.writeProgram(program(`new zohoDesk.Profile("tier2", ${args} as any);`));
    const preview = await project.preview();
    expect(preview.code, preview.output).not.toBe(0);
    expect(namesProperty(preview.output, "tier2", property), preview.output).toBe(true);
    expect(preview.output).not.toContain("{<nil>}");
    expect(preview.output).toMatch(rule);
    expect(sandbox.zohoDesk.writes()).toEqual([]);
  });

  it("a bad program fails `up` the same way, before any write", async () => {
    project.writeProgram(program(`new zohoDesk.Profile("tier2", { name: "Tier 2", permissions: { tickets: { delet: false } } } as any);`));
    const up = await project.pulumi(["up", "--yes"]);
    expect(up.code).not.toBe(0);
    expect(up.output).toContain("property permissions.tickets.delet = false: unknown key 'delet'");
    expect(sandbox.zohoDesk.writes()).toEqual([]);
  });

  it("two resources with one profile name (as Zoho compares names) are refused, naming both", async () => {
    project.writeProgram(program(`
new zohoDesk.Profile("nights", { name: "Night Shift" });
new zohoDesk.Profile("night-shift", { name: "night shift " .trim() });`));
    const preview = await project.preview();
    expect(preview.code).not.toBe(0);
    expect(preview.output).toMatch(/the Zoho Desk profile name '[Nn]ight [Ss]hift' is also claimed by resource '(nights|night-shift)' of this stack/);
    expect(sandbox.zohoDesk.writes()).toEqual([]);
  });

  it("two resources adopting one profile (by name and by id) are refused, naming both", async () => {
    const advisors = sandbox.zohoDesk.admin.findProfileByName("Agent Advisors")!;
    project.writeProgram(program(`
new zohoDesk.Profile("advisors", { name: "Agent Advisors", adopt: "Agent Advisors" });
new zohoDesk.Profile("advisors-again", { name: "Agent Advisors", adopt: "${advisors.id}" });`));
    const preview = await project.preview();
    expect(preview.code).not.toBe(0);
    expect(preview.output).toMatch(/is also claimed by resource '(advisors|advisors-again)' of this stack/);
    expect(sandbox.zohoDesk.writes()).toEqual([]);
  });

  it("when several new profiles are refused, the one preview lists all of them", async () => {
    project.writeProgram(program(`
new zohoDesk.Profile("a", { name: "Supervisor" });
new zohoDesk.Profile("b", { name: "Billing Specialists" });
new zohoDesk.Profile("c", { name: "Tier 2 Escalations" });
new zohoDesk.Profile("d", { name: "A fine new name" });`));
    const preview = await project.preview();
    expect(preview.code).not.toBe(0);
    for (const taken of ["Supervisor", "Billing Specialists", "Tier 2 Escalations"]) {
      expect(preview.output).toContain(`a Zoho Desk profile named '${taken}' already exists`);
    }
    expect(preview.output).not.toContain("'A fine new name'");
    expect(sandbox.zohoDesk.writes()).toEqual([]);
  });
});
