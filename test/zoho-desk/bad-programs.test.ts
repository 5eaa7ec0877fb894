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
  ["no name at all", `{ description: "nameless" }`, "name", /expected string/],
  ["a description over 3200 characters", `{ name: "Tier 2", description: "${"d".repeat(3201)}" }`, "description", /at most 3200 characters/],
  ["a misspelt argument", `{ name: "Tier 2", permission: { tickets: { view: true } } }`, "permission", /unknown key 'permission' \(did you mean 'permissions'\?\)/],
  ["an unknown clone source", `{ name: "Tier 2", cloneFrom: "Tier Zero" }`, "cloneFrom", /no Zoho Desk profile is named 'Tier Zero'/],
  ["an unknown transfer target", `{ name: "Tier 2", transferToProfile: "Nobody" }`, "transferToProfile", /no Zoho Desk profile is named 'Nobody'/],
  ["adopting a profile that does not exist", `{ name: "Tier 2", adopt: "Ghost Profile" }`, "adopt", /no Zoho Desk profile is named 'Ghost Profile'/],
  ["a name another profile already has", `{ name: "supervisor" }`, "name", /already exists .* set adopt: 'Supervisor'/],
];

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
    expect(preview.output).toContain(`resource 'tier2': property ${property} value`);
    expect(preview.output).toMatch(rule);
    expect(sandbox.zohoDesk.writes()).toEqual([]);
  });

  it("a bad program fails `up` the same way, before any write", async () => {
    project.writeProgram(program(`new zohoDesk.Profile("tier2", { name: "Tier 2", permissions: { tickets: { delet: false } } } as any);`));
    const up = await project.pulumi(["up", "--yes"]);
    expect(up.code).not.toBe(0);
    expect(up.output).toContain("property permissions.tickets.delet value");
    expect(sandbox.zohoDesk.writes()).toEqual([]);
  });
});
