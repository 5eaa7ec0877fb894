import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PulumiProject } from "../../harness/project";
import { BadArguments, refusedAtPreview } from "../support/bad-programs";
import { imichatProject, program, Sandbox, startImichat } from "../support/imichat";

const lee = `firstName: "Lee", loginId: "lee", email: "lee@acme-sandbox.test"`;
const agent = `privileges: [{ team: 7001, role: "Team Agent" }]`;

const badUsers: BadArguments[] = [
  ["a misspelt argument", `{ ${lee}, ${agent}, loginID: "lee" }`, "loginID", /unknown key 'loginID' \(did you mean 'loginId'\?\)/],
  ["no first name", `{ loginId: "lee", email: "lee@acme-sandbox.test", ${agent} }`, "firstName", /firstName is required/],
  ["a blank first name", `{ firstName: "  ", loginId: "lee", email: "lee@acme-sandbox.test", ${agent} }`, "firstName", /firstName must not be empty or blank/],
  ["an email IMIchat refuses", `{ firstName: "Lee", loginId: "lee", email: "lee.acme-sandbox.test", ${agent} }`, "email", /email must be an address like name@example.com/],
  ["a login id with a space", `{ firstName: "Lee", loginId: "lee newhire", email: "lee@acme-sandbox.test", ${agent} }`, "loginId", /loginId must not be empty or contain spaces/],
  ["a status IMIchat does not have", `{ ${lee}, ${agent}, status: "disabled" }`, "status", /status must be active or inactive; got "disabled"/],
  ["a team role IMIchat does not have", `{ ${lee}, privileges: [{ team: 7001, role: "Team Lead" }] }`, "privileges.0.role", /role must be one of Team Manager, Team Agent, Team Analyst; got "Team Lead"/],
  ["a new user without privileges", `{ ${lee} }`, "privileges", /privileges is required to create a user/],
  ["empty privileges", `{ ${lee}, privileges: [] }`, "privileges", /must list at least one team and role/],
  ["privileges without the connection's team", `{ ${lee}, privileges: [{ team: 7002, role: "Team Agent" }] }`, "privileges", /must include team 7001, the connection's team \(helpdesk:imichatTeamId \/ IMICHAT_TEAM_ID\)/],
  ["one team listed twice", `{ ${lee}, privileges: [{ team: 7001, role: "Team Agent" }, { team: 7001, role: "Team Analyst" }] }`, "privileges.1.team", /team 7001 is listed twice/],
  ["privileges on an adopted user", `{ firstName: "Sam", loginId: "sam.agent", email: "sam.agent@acme-sandbox.test", adopt: true, ${agent} }`, "privileges", /cannot be set on an adopted user: IMIchat's update refuses them \(3115\)/],
  ["the login id of an existing user, without adopt", `{ firstName: "Sam", loginId: "Sam.Agent", email: "sam2@acme-sandbox.test", ${agent} }`, "loginId", /sam\.agent is already a user of team 7001 \(id 880003.*set adopt: true/],
  ["the email of an inactive user, without adopt", `{ firstName: "Ina", loginId: "ina2", email: "ina.inactive@acme-sandbox.test", ${agent} }`, "email", /already a user of team 7001 .*inactive.*set adopt: true and status: "active"/],
  ["adopting a user the team does not have", `{ ${lee}, adopt: true }`, "adopt", /team 7001 has no user with login id lee or email lee@acme-sandbox\.test; remove adopt/],
  ["a custom attribute that is neither text nor a number", `{ ${lee}, ${agent}, customAttributes: { business: true } }`, "customAttributes.business", /a custom attribute value must be text or a number/],
  ["a connection without settings", `{ ${lee}, ${agent}, connection: "apac" }`, "", /missing setting: .*helpdesk:imichatApacBaseUrl.*IMICHAT_APAC_BASE_URL/],
];

describe("bad imichat programs fail at preview, naming the property, and nothing is written", () => {
  let sandbox: Sandbox;
  let project: PulumiProject;

  beforeAll(async () => {
    sandbox = await startImichat();
    project = await imichatProject(sandbox, "imi-bad-programs", program(""));
  });
  afterAll(async () => sandbox?.close());

  const refused = refusedAtPreview({ project: () => project, program, writes: () => sandbox.imichat.writes(), secrets: () => [sandbox.env.IMICHAT_API_KEY] });

  it.each(badUsers)("imichat.User: %s", (_story, args, property, rule) => refused(`new imichat.User("u", ${args} as any);`, "u", property, rule));

  it("two users with one login id (as IMIchat compares them) are refused, naming both", async () => {
    project.writeProgram(program(`
new imichat.User("lee", { ${lee}, ${agent} });
new imichat.User("lee-again", { firstName: "Lee", loginId: "LEE", email: "lee2@acme-sandbox.test", ${agent} });`));
    const preview = await project.preview();
    expect(preview.code).not.toBe(0);
    expect(preview.output).toMatch(/the IMIchat user with login id lee is also claimed by resource '(lee|lee-again)' of this stack/);
    expect(sandbox.imichat.writes()).toEqual([]);
  });
});
