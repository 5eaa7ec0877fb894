import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PulumiProject } from "../../harness/project";
import { chatwootProject, program, Sandbox, startChatwoot } from "../support/chatwoot";

interface BadProgram {
  title: string;
  body: string;
  /** What the error must say: the property, the value where it is not secret, the rule. */
  says: RegExp;
  /** Settings laid over the sandbox's (another token, another account). */
  env?: (sandbox: Sandbox) => Record<string, string>;
}

const agentsToken = (sandbox: Sandbox) => ({ CHATWOOT_API_ACCESS_TOKEN: sandbox.chatwoot.tokens.agent });
const longName = "N".repeat(256);

const customRoles: BadProgram[] = [
  { title: "a misspelt permission", body: `new chatwoot.CustomRole("r", { name: "Leads", permissions: ["contacts_manage"] });`, says: /permissions\.0 .*unknown permission 'contacts_manage' \(did you mean 'contact_manage'\?\)/ },
  { title: "a misspelt argument of a custom role", body: `new chatwoot.CustomRole("r", { name: "Leads", permisions: ["report_manage"] });`, says: /unknown key 'permisions' \(did you mean 'permissions'\?\)/ },
  { title: "permissions as a string", body: `new chatwoot.CustomRole("r", { name: "Leads", permissions: "report_manage" });`, says: /permissions.*expected array/ },
  { title: "a permission listed twice", body: `new chatwoot.CustomRole("r", { name: "Leads", permissions: ["report_manage", "report_manage"] });`, says: /permissions\.1 .*'report_manage' is listed twice/ },
  { title: "no permissions at all", body: `new chatwoot.CustomRole("r", { name: "Leads" });`, says: /permissions.*is required/ },
  { title: "a blank role name", body: `new chatwoot.CustomRole("r", { name: "   ", permissions: [] });`, says: /name.*must not be empty or only invisible characters/ },
  { title: "a line break in a role name", body: `new chatwoot.CustomRole("r", { name: "Team\\nLeads", permissions: [] });`, says: /name.*must not contain control characters/ },
  { title: "a control character in a description", body: `new chatwoot.CustomRole("r", { name: "Leads", description: "bell \\u0007", permissions: [] });`, says: /description.*must not contain control characters other than line breaks and tabs/ },
  { title: "the name of a role the account already has", body: `new chatwoot.CustomRole("r", { name: "Billing Desk", permissions: [] });`, says: /name value \{Billing Desk\}.*already has a custom role named 'Billing Desk' \(id 1\)/ },
  { title: "two custom roles with one name", body: `new chatwoot.CustomRole("r1", { name: "Leads", permissions: [] });\nnew chatwoot.CustomRole("r2", { name: "Leads", permissions: ["report_manage"] });`, says: /the Chatwoot custom role name 'Leads' is also claimed by resource 'r\d' of this stack/ },
  { title: "an agent's token used to manage custom roles", body: `new chatwoot.CustomRole("r", { name: "Leads", permissions: [] });`, says: /the access token belongs to ben@acme\.test, an agent of account 1; managing custom roles needs an administrator's access token/, env: agentsToken },
  { title: "a connection without settings", body: `new chatwoot.CustomRole("r", { name: "Leads", permissions: [], connection: "staging" });`, says: /missing setting: set Pulumi config 'helpdesk:chatwootStagingApiAccessToken'.*CHATWOOT_STAGING_API_ACCESS_TOKEN/ },
];

const agents: BadProgram[] = [
  { title: "an unknown role", body: `new chatwoot.Agent("a", { name: "Lea", email: "lea@acme.test", role: "owner" });`, says: /property role value \{owner\} has a problem: role must be one of agent, administrator/ },
  { title: "a bad availability", body: `new chatwoot.Agent("a", { name: "Lea", email: "lea@acme.test", availability: "away" });`, says: /property availability value \{away\} has a problem: availability must be one of online, busy, offline/ },
  { title: "a malformed email", body: `new chatwoot.Agent("a", { name: "Lea", email: "lea.acme.test" });`, says: /property email value \{lea\.acme\.test\} has a problem: email must look like name@example\.com/ },
  { title: "a name over 255 characters", body: `new chatwoot.Agent("a", { name: "${longName}", email: "lea@acme.test" });`, says: /name must be at most 255 characters \(Chatwoot's limit\)/ },
  { title: "a blank agent name", body: `new chatwoot.Agent("a", { name: "", email: "lea@acme.test" });`, says: /name.*must not be empty/ },
  { title: "an unknown custom role", body: `new chatwoot.Agent("a", { name: "Lea", email: "lea@acme.test", customRole: "Billing Dsk" });`, says: /customRole value \{Billing Dsk\}.*no custom role named "Billing Dsk" or with that id \(its roles: 'Billing Desk' \(1\)/ },
  { title: "a custom role as a switch", body: `new chatwoot.Agent("a", { name: "Lea", email: "lea@acme.test", customRole: true });`, says: /customRole must be a custom role's name \(text\) or id/ },
  { title: "a custom role for an administrator", body: `new chatwoot.Agent("a", { name: "Lea", email: "lea@acme.test", role: "administrator", customRole: "Billing Desk" });`, says: /customRole applies to agents only/ },
  { title: "the email of a member without adopt", body: `new chatwoot.Agent("a", { name: "Ben", email: "Ben@acme.test" });`, says: /ben@acme\.test is already a member of account 1 \(agent id 2, agent\); to manage that member from this program set adopt: true/ },
  { title: "adopting an email that is no member", body: `new chatwoot.Agent("a", { name: "Lea", email: "lea@acme.test", adopt: true });`, says: /account 1 has no member with the email lea@acme\.test; remove adopt to add one/ },
  { title: "two agents with one email", body: `new chatwoot.Agent("a1", { name: "Lea", email: "lea@acme.test" });\nnew chatwoot.Agent("a2", { name: "Lea L.", email: "LEA@acme.test" });`, says: /the Chatwoot agent lea@acme\.test of account 1 is also claimed by resource 'a\d' of this stack/ },
  { title: "a misspelt argument of an agent", body: `new chatwoot.Agent("a", { name: "Lea", email: "lea@acme.test", autoOfline: true });`, says: /unknown key 'autoOfline' \(did you mean 'autoOffline'\?\)/ },
  { title: "an agent's token used to add agents", body: `new chatwoot.Agent("a", { name: "Lea", email: "lea@acme.test" });`, says: /an agent of account 1; managing agents needs an administrator's access token \(Chatwoot answers 401 to anyone else\)/, env: agentsToken },
];

const profiles: BadProgram[] = [
  { title: "a password Chatwoot would refuse", body: `new chatwoot.Profile("p", { password: pulumi.secret("weakpass1"), currentPassword: pulumi.secret("Sandbox#2026pass") });`, says: /property password \(value not shown\): password must contain an upper-case letter/ },
  { title: "a password without the current one", body: `new chatwoot.Profile("p", { password: pulumi.secret("N3w#Password") });`, says: /currentPassword is required with password/ },
  { title: "a bad profile availability", body: `new chatwoot.Profile("p", { availability: "away" });`, says: /property availability value \{away\} has a problem: availability must be one of online, busy, offline/ },
  { title: "a malformed profile email", body: `new chatwoot.Profile("p", { email: "ada at acme" });`, says: /property email value \{ada at acme\} has a problem: email must look like/ },
  { title: "a profile name over 255 characters", body: `new chatwoot.Profile("p", { name: "${longName}" });`, says: /name must be at most 255 characters/ },
  { title: "a blank profile name", body: `new chatwoot.Profile("p", { name: " " });`, says: /name.*must not be empty/ },
  { title: "a line break in a display name", body: `new chatwoot.Profile("p", { displayName: "Ada\\nLovelace" });`, says: /displayName.*must not contain control characters/ },
  { title: "a control character in a signature", body: `new chatwoot.Profile("p", { messageSignature: "Ada\\u0000" });`, says: /messageSignature.*must not contain control characters other than line breaks and tabs/ },
  { title: "ui settings as a string", body: `new chatwoot.Profile("p", { uiSettings: "dark" });`, says: /uiSettings.*expected record/ },
  { title: "a misspelt argument of a profile", body: `new chatwoot.Profile("p", { displayname: "Ada" });`, says: /unknown key 'displayname' \(did you mean 'displayName'\?\)/ },
  { title: "two profiles for one token", body: `new chatwoot.Profile("p1", { displayName: "Ada" });\nnew chatwoot.Profile("p2", { availability: "busy" });`, says: /the profile of the Chatwoot user ada@acme\.test \(one resource per user\) is also claimed by resource 'p\d' of this stack/ },
  { title: "an availability in an account the user is not in", body: `new chatwoot.Profile("p", { availability: "busy" });`, says: /the access token's user \(ada@acme\.test\) is not a member of account 2/, env: () => ({ CHATWOOT_ACCOUNT_ID: "2" }) },
];

describe("bad Chatwoot programs fail at preview, naming the property and the rule, with nothing written", () => {
  let sandbox: Sandbox;
  let project: PulumiProject;
  const projects = new Map<string, PulumiProject>();

  beforeAll(async () => {
    sandbox = await startChatwoot();
    project = await chatwootProject(sandbox, "cw-bad", program(""));
  });
  afterAll(async () => sandbox?.close());

  /** Cases with other settings get a project of their own (settings are the project's environment). */
  const projectFor = async (bad: BadProgram) => {
    if (!bad.env) return project;
    const key = JSON.stringify(bad.env(sandbox));
    if (!projects.has(key)) projects.set(key, await chatwootProject(sandbox, "cw-bad-env", program(""), bad.env(sandbox)));
    return projects.get(key)!;
  };

  const refused = async (bad: BadProgram) => {
    const target = await projectFor(bad);
    target.writeProgram(program(bad.body));
    sandbox.chatwoot.clearRequests();
    const preview = await target.preview();
    expect(preview.code, preview.output).not.toBe(0);
    expect(preview.output.replace(/\s+/g, " ")).toMatch(bad.says);
    expect(sandbox.chatwoot.writes()).toEqual([]);
    return preview.output;
  };

  describe("chatwoot.CustomRole", () => {
    it.each(customRoles)("$title", async (bad) => void (await refused(bad)));
  });

  describe("chatwoot.Agent", () => {
    it.each(agents)("$title", async (bad) => void (await refused(bad)));
  });

  describe("chatwoot.Profile", () => {
    it.each(profiles)("$title", async (bad) => {
      const output = await refused(bad);
      expect(output).not.toContain("weakpass1");
    });
  });

  it("a bad program fails `up` the same way, before any write", async () => {
    project.writeProgram(program(agents[0].body));
    sandbox.chatwoot.clearRequests();
    const up = await project.pulumi(["up", "--yes"]);
    expect(up.code).not.toBe(0);
    expect(up.output).toMatch(/role must be one of agent, administrator/);
    expect(sandbox.chatwoot.writes()).toEqual([]);
  });
});
