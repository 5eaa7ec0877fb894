import { execFileSync } from "child_process";
import { readFileSync } from "fs";
import { join, normalize } from "path";
import { describe, expect, it } from "vitest";
import { ResourceValidationArgs } from "@pulumi/policy";
import { repoRoot } from "../../harness/repo-root";
import { registry } from "../../provider/registry";
import { policies } from "../../policy/policies";

/**
 * The fast tier: each policy called as the engine calls it (the type token and props a preview shows, seen by
 * experiment: pulumi-nodejs:dynamic/<vendor>:<Type> and the checked arguments), with the settings a team wrote in
 * its policy config file. The CLI runs are in policy-pack.test.ts.
 */
function violations(policyName: string, kind: string, name: string, props: Record<string, unknown>, config: Record<string, unknown> = {}): string[] {
  const policy = policies.find((p) => p.name === policyName)!;
  const reported: string[] = [];
  const args = { type: `pulumi-nodejs:dynamic/${kind}`, name, urn: `urn:pulumi:dev::p::pulumi-nodejs:dynamic/${kind}::${name}`, props, opts: {}, getConfig: () => config };
  policy.validateResource(args as unknown as ResourceValidationArgs, (message) => reported.push(message ?? ""));
  return reported;
}

describe("only an administrator profile may delete tickets or export data", () => {
  const rule = "only-administrator-profiles-delete-tickets-or-export";
  const config = { administratorProfiles: ["Support Leads", "4000000010001"] };

  it("a Desk profile that deletes tickets and exports contacts is refused, naming the resource, both switches and the rule", () => {
    expect(violations(rule, "zohoDesk:Profile", "exporters", { name: "Exporters", permissions: { tickets: { delete: true, view: true }, contacts: { export: true } } }, config)).toEqual([
      'zohoDesk.Profile "exporters" grants contacts.export and tickets.delete to profile "Exporters": only an administrator profile may delete tickets or export data. ' +
        "Remove the switches, or add the profile to administratorProfiles in the policy config (they are Support Leads and 4000000010001).",
    ]);
  });

  it("every export switch of the Desk matrix counts, portal users and users included; other deletes do not", () => {
    const permissions = { reports: { export: true }, setup: { exportPortalUsers: true, exportUsers: true }, contacts: { delete: true }, tickets: { delete: false } };
    expect(violations(rule, "zohoDesk:ProfilePermissionSet", "s", { profile: "Supervisor", permissions }, config)[0]).toMatch(/grants reports\.export, setup\.exportPortalUsers and setup\.exportUsers to profile "Supervisor"/);
  });

  it("a listed administrator profile may, by name in any case or by the id a permission set names", () => {
    expect(violations(rule, "zohoDesk:Profile", "leads", { name: "support leads", permissions: { tickets: { delete: true } } }, config)).toEqual([]);
    expect(violations(rule, "zohoDesk:ProfilePermissionSet", "by-id", { profile: "4000000010001", permissions: { tickets: { export: true } } }, config)).toEqual([]);
  });

  it("Zoho CRM: deleting or mass-deleting Cases and any Export permission are the guarded ones", () => {
    const permissions = { Crm_Implied_View_Cases: true, Crm_Implied_Delete_Cases: true, Crm_Implied_Mass_Delete_Cases: true, Crm_Implied_Export_Reports: true, Crm_Implied_Delete_Leads: true };
    expect(violations(rule, "zohoCrm:Profile", "cleaners", { name: "Case Cleaners", permissions })[0]).toMatch(
      /^zohoCrm\.Profile "cleaners" grants Crm_Implied_Delete_Cases, Crm_Implied_Export_Reports and Crm_Implied_Mass_Delete_Cases to profile "Case Cleaners": .*\(none is configured\)\.$/,
    );
    expect(violations(rule, "zohoCrm:ProfilePermissionSet", "reps", { profile: "Sales Representative", permissions: { Crm_Implied_Export_Contacts: false } })).toEqual([]);
  });

  it("other kinds and other providers' resources are not its business", () => {
    expect(violations(rule, "chatwoot:CustomRole", "r", { name: "R", permissions: ["contact_manage"] })).toEqual([]);
    expect(violations(rule, "aws:s3/bucket:Bucket", "b", { permissions: { tickets: { delete: true } } })).toEqual([]);
  });
});

describe("no permission set grants setup permissions", () => {
  const rule = "no-setup-permissions-in-permission-sets";

  it("a Desk set granting a setup switch is refused; turning one off is fine", () => {
    expect(violations(rule, "zohoDesk:ProfilePermissionSet", "sup", { profile: "Supervisor", permissions: { setup: { automation: true, manageAgents: false }, tickets: { view: true } } })).toEqual([
      'zohoDesk.ProfilePermissionSet "sup" grants setup.automation to profile "Supervisor": no permission set grants setup permissions. ' +
        "Set them to false or leave them out; setup belongs to an administrator profile, declared whole as a Profile.",
    ]);
    expect(violations(rule, "zohoDesk:ProfilePermissionSet", "sup", { profile: "Supervisor", permissions: { setup: { automation: false } } })).toEqual([]);
  });

  it("Zoho CRM: customisation and admin permissions by default, the org's own names when configured", () => {
    const permissions = { Crm_Implied_Customize_Leads: true, Crm_Implied_Social_Admin: true, Crm_Implied_Mass_Update_Leads: true };
    expect(violations(rule, "zohoCrm:ProfilePermissionSet", "reps", { profile: "Sales Representative", permissions })[0]).toMatch(/grants Crm_Implied_Customize_Leads and Crm_Implied_Social_Admin to profile/);
    expect(violations(rule, "zohoCrm:ProfilePermissionSet", "reps", { profile: "Sales Representative", permissions }, { crmSetupPermissions: ["Crm_Implied_Mass_*"] })[0]).toMatch(/grants Crm_Implied_Mass_Update_Leads to profile/);
  });

  it("a whole Profile may hold setup switches (an administrator profile needs them)", () => {
    expect(violations(rule, "zohoDesk:Profile", "admins", { name: "Admins", permissions: { setup: { automation: true } } })).toEqual([]);
  });
});

describe("every profile has a description", () => {
  const rule = "profiles-have-descriptions";

  it.each([
    ["zohoDesk:Profile", "declares none", undefined],
    ["zohoCrm:Profile", "has a blank one", "  "],
    ["chatwoot:CustomRole", "declares none", undefined],
  ])("%s without one is refused (%s)", (kind, found, description) => {
    expect(violations(rule, kind, "p", { name: "Night Shift", description })).toEqual([
      `${kind.replace(":", ".")} "p" ("Night Shift") ${found}: every profile has a description. ` +
        "Declare description, saying who the profile is for (the policy reads the program, so an adopted profile declares it too).",
    ]);
  });

  it("a described profile passes; permission sets and users have no description to give", () => {
    expect(violations(rule, "zohoDesk:Profile", "p", { name: "Night Shift", description: "Weekend queue" })).toEqual([]);
    expect(violations(rule, "zohoDesk:ProfilePermissionSet", "s", { profile: "Supervisor", permissions: {} })).toEqual([]);
  });
});

describe("no agent or user is an administrator unless listed", () => {
  const rule = "administrators-are-listed";
  const config = { administrators: ["Lead@Acme-Sandbox.test", "ina.roy"] };

  it("each vendor's administrator, unlisted, is refused naming the person and how they are one", () => {
    expect(violations(rule, "chatwoot:Agent", "ann", { name: "Ann", email: "ann@acme-sandbox.test", role: "administrator" }, config)).toEqual([
      'chatwoot.Agent "ann" (ann@acme-sandbox.test) is an administrator by role "administrator": no agent or user is an administrator unless listed in the policy config. ' +
        'Give a lower role, or add "ann@acme-sandbox.test" to administrators in the policy config.',
    ]);
    expect(violations(rule, "teamworkDesk:User", "jo", { email: "jo@acme-sandbox.test", firstName: "Jo", role: "admin" }, config)[0]).toMatch(/^teamworkDesk\.User "jo" \(jo@acme-sandbox\.test\) is an administrator by role "admin": /);
    const rhea = { loginId: "rhea.kapoor", email: "rhea@acme-sandbox.test", privileges: [{ team: 7001, role: "Team Agent" }, { team: 7002, role: "Team Manager" }] };
    expect(violations(rule, "imichat:User", "rhea", rhea, config)[0]).toMatch(/^imichat\.User "rhea" \(rhea@acme-sandbox\.test \/ rhea\.kapoor\) is an administrator by "Team Manager" of team 7002: /);
  });

  it("listed people (email in any case, or IMIchat login id) and lower roles pass", () => {
    expect(violations(rule, "chatwoot:Agent", "lead", { email: "lead@acme-sandbox.test", role: "administrator" }, config)).toEqual([]);
    expect(violations(rule, "teamworkDesk:User", "jo", { email: "jo@acme-sandbox.test", role: "agent" }, config)).toEqual([]);
    expect(violations(rule, "imichat:User", "ina", { loginId: "ina.roy", email: "ina@acme-sandbox.test", privileges: [{ team: 7001, role: "Team Manager" }] }, config)).toEqual([]);
    expect(violations(rule, "chatwoot:Agent", "adopted", { email: "old@acme-sandbox.test", adopt: true }, config)).toEqual([]);
  });

  it("which IMIchat roles count is a setting", () => {
    const analyst = { loginId: "owen.price", email: "owen@acme-sandbox.test", privileges: [{ team: 7002, role: "Team Analyst" }] };
    expect(violations(rule, "imichat:User", "owen", analyst, config)).toEqual([]);
    expect(violations(rule, "imichat:User", "owen", analyst, { ...config, imichatAdministratorRoles: ["Team Manager", "Team Analyst"] })).toHaveLength(1);
  });
});

describe("the pack as shipped", () => {
  it("every kind a policy names is a resource kind of the package", () => {
    const kinds = new Set(registry.map((kind) => kind.token.replace(":", ".")));
    const named = policies.flatMap((p) => p.description.replace(/.*\((.*)\)\.$/, "$1").split(", "));
    expect(named.filter((kind) => !kinds.has(kind))).toEqual([]);
  });

  it("settings are JSON Schema for the engine, with the defaults the policies apply", () => {
    const schemas = Object.fromEntries(policies.map((p) => [p.name, p.configSchema?.properties]));
    expect(schemas["administrators-are-listed"]).toMatchObject({
      administrators: { type: "array", items: { type: "string" }, default: [] },
      imichatAdministratorRoles: { type: "array", items: { enum: ["Team Manager", "Team Agent", "Team Analyst"] }, default: ["Team Manager"] },
    });
    expect(schemas["only-administrator-profiles-delete-tickets-or-export"]).toMatchObject({ administratorProfiles: { type: "array", default: [] } });
  });

  it("npm packs the pack: its PulumiPolicy.yaml and package.json in policy/, and the compiled main they point to", () => {
    const [{ files }] = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--ignore-scripts", "--json"], { cwd: repoRoot, encoding: "utf8" }));
    const packed = (files as Array<{ path: string }>).map((f) => f.path);
    const main = normalize(join("policy", JSON.parse(readFileSync(join(repoRoot, "policy/package.json"), "utf8")).main));
    expect(main).toBe(join("dist", "policy", "index.js"));
    expect(packed).toEqual(expect.arrayContaining(["policy/PulumiPolicy.yaml", "policy/package.json", main, "dist/policy/rules/administrators.js"]));
  });

  it("a misspelt setting is refused, naming it and the policy's settings (the engine lets unknown keys through)", () => {
    expect(() => violations("administrators-are-listed", "chatwoot:Agent", "ann", { email: "ann@acme-sandbox.test", role: "administrator" }, { adminstrators: ["ann@acme-sandbox.test"] })).toThrow(
      'policy config of administrators-are-listed: Unrecognized key: "adminstrators" (its settings: administrators, imichatAdministratorRoles, and enforcementLevel)',
    );
    expect(() => violations("profiles-have-descriptions", "zohoDesk:Profile", "p", { name: "P" }, { required: true })).toThrow(/its settings: none, and enforcementLevel/);
  });

  it("the pack's version is the package's (the engine shows it as pulumi-helpdesk@v<version>)", () => {
    const version = (path: string) => JSON.parse(readFileSync(join(repoRoot, path), "utf8")).version;
    expect(version("policy/package.json")).toBe(version("package.json"));
  });
});
