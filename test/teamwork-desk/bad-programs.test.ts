import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PulumiProject } from "../../harness/project";
import { BadArguments, refusedAtPreview } from "../support/bad-programs";
import { program, Sandbox, startTeamworkDesk, teamworkProject } from "../support/teamwork-desk";

const jo = `email: "jo@acme-sandbox.test", firstName: "Jo"`;

const badUsers: BadArguments[] = [
  ["a misspelt argument", `{ ${jo}, reveiwer: true }`, "reveiwer", /unknown key 'reveiwer' \(did you mean 'reviewer'\?\)/],
  ["no email", `{ firstName: "Jo" }`, "email", /email is required: it identifies the user/],
  ["an email Teamwork refuses", `{ email: "jo@localhost", firstName: "Jo" }`, "email", /must be an address like name@example.com/],
  ["a role Teamwork does not have", `{ ${jo}, role: "owner" }`, "role", /role must be one of admin, agent; got "owner"/],
  ["a reply redirect in the wrong case", `{ ${jo}, ticketReplyRedirect: "next" }`, "ticketReplyRedirect", /must be one of Stay, Next, Inbox \(with that capital letter\); got "next"/],
  ["an editor Teamwork does not have", `{ ${jo}, editMethod: "wysiwyg" }`, "editMethod", /editMethod must be one of html, markdown/],
  ["a first name of spaces only", `{ email: "jo@acme-sandbox.test", firstName: "   " }`, "firstName", /firstName must not be empty or only invisible characters/],
  ["a first name over 100 characters", `{ email: "jo@acme-sandbox.test", firstName: "${"J".repeat(101)}" }`, "firstName", /at most 100 characters/],
  ["a line break in the last name", `{ ${jo}, lastName: "New\\nhire" }`, "lastName", /lastName must not contain control characters/],
  ["time zone id 0", `{ ${jo}, timezoneId: 0 }`, "timezoneId", /timezoneId must be 1 or more/],
  ["a time format id as text", `{ ${jo}, timeFormatId: "12" }`, "timeFormatId", /timeFormatId must be a whole number/],
  ["a string where a switch goes", `{ ${jo}, isPartTime: "yes" }`, "isPartTime", /expected boolean/],
  ["the email of an existing user, without adopt", `{ email: "Alex.Agent@acme-sandbox.test", firstName: "Alex" }`, "email", /alex\.agent@acme-sandbox\.test is already a user .*id 52002.*set adopt: true/],
  ["adopting an email nobody has", `{ ${jo}, adopt: true }`, "adopt", /no user of .* has the email jo@acme-sandbox\.test; remove adopt to create one/],
  ["adopting an id nobody has", `{ ${jo}, adopt: 99999 }`, "adopt", /has no user with id 99999/],
  ["adopting the installation owner", `{ email: "owner@acme-sandbox.test", firstName: "Olive", adopt: true }`, "adopt", /installation owner, whom Teamwork Desk refuses to delete/],
  ["adopting by id under an email another user has", `{ email: "alex.agent@acme-sandbox.test", firstName: "Pat", adopt: 52003 }`, "email", /already belongs to another user .*id 52002.* than the adopted one \(id 52003\)/],
  ["a connection name that cannot be a setting name", `{ ${jo}, connection: "eu-west" }`, "connection", /1-32 letters and digits/],
  ["a connection without settings", `{ ${jo}, connection: "apac" }`, "", /missing setting: .*helpdesk:teamworkDeskApacBaseUrl.*TEAMWORK_DESK_APAC_BASE_URL/],
];

describe("bad teamworkDesk programs fail at preview, naming the property, and nothing is written", () => {
  let sandbox: Sandbox;
  let project: PulumiProject;

  beforeAll(async () => {
    sandbox = await startTeamworkDesk();
    project = await teamworkProject(sandbox, "tw-bad-programs", program(""));
  });
  afterAll(async () => sandbox?.close());

  const refused = refusedAtPreview({ project: () => project, program, writes: () => sandbox.teamworkDesk.writes(), secrets: () => [sandbox.env.TEAMWORK_DESK_API_KEY] });

  it.each(badUsers)("teamworkDesk.User: %s", (_story, args, property, rule) => refused(`new teamworkDesk.User("u", ${args} as any);`, "u", property, rule));

  it("two users with one email (as Teamwork compares them) are refused, naming both", async () => {
    project.writeProgram(program(`
new teamworkDesk.User("jo", { email: "jo@acme-sandbox.test", firstName: "Jo" });
new teamworkDesk.User("jo-again", { email: "JO@acme-sandbox.test", firstName: "Jo" });`));
    const preview = await project.preview();
    expect(preview.code).not.toBe(0);
    expect(preview.output).toMatch(/the Teamwork Desk user jo@acme-sandbox\.test of .* is also claimed by resource '(jo|jo-again)' of this stack/);
    expect(sandbox.teamworkDesk.writes()).toEqual([]);
  });

  it("a bad program fails `up` the same way, before any write", async () => {
    project.writeProgram(program(`new teamworkDesk.User("u", { ${jo}, role: "owner" } as any);`));
    const up = await project.pulumi(["up", "--yes"]);
    expect(up.code).not.toBe(0);
    expect(up.output).toMatch(/role must be one of admin, agent/);
    expect(sandbox.teamworkDesk.writes()).toEqual([]);
  });
});
