import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chatwootProject, program, Sandbox, startChatwoot } from "../support/chatwoot";

const FIRST = "Pager#Duty2026";
const SECOND = "Night$Shift2027";

const onCall = (displayName: string, password: string, current: string) =>
  program(`
const me = new chatwoot.Profile("me", {
  displayName: "${displayName}",
  password: pulumi.secret("${password}"),
  currentPassword: pulumi.secret("${current}"),
});
const lea = new chatwoot.Agent("lea", { name: "Lea Lead", email: "lea@acme.test" });
export const ids = { me: me.userId, lea: lea.agentId };`);

describe("the API token, the password and the tokens Chatwoot returns stay out of state, outputs, CLI output and logs", () => {
  let sandbox: Sandbox;

  beforeAll(async () => {
    sandbox = await startChatwoot();
  });
  afterAll(async () => sandbox?.close());

  it("through create, update, refresh and a password change", async () => {
    // The token as a config secret, the way a real stack holds it; the variable is blanked so the config is what counts.
    const project = await chatwootProject(sandbox, "cw-secrets", onCall("Ada (on call)", FIRST, sandbox.chatwoot.password), { CHATWOOT_API_ACCESS_TOKEN: "" });
    await project.config("helpdesk:chatwootApiAccessToken", sandbox.chatwoot.tokens.administrator, true);
    const outputs: string[] = [];
    const run = async (result: Promise<{ output: string }>) => outputs.push((await result).output);

    await run(project.preview());
    await run(project.up("--debug"));
    expect(sandbox.chatwoot.admin.getUser(1)!.password).toBe(FIRST);

    project.writeProgram(onCall("Ada (lead)", FIRST, sandbox.chatwoot.password));
    sandbox.chatwoot.clearRequests();
    await run(project.up("--debug"));
    // The same password is not sent again: the stored hash matches it.
    expect(sandbox.chatwoot.writes().map((w) => w.body)).toEqual([{ profile: { display_name: "Ada (lead)" } }]);

    await run(project.refresh("--debug"));

    project.writeProgram(onCall("Ada (lead)", SECOND, FIRST));
    await run(project.preview());
    sandbox.chatwoot.clearRequests();
    // With its preview, as a person runs it: the update's own check hands the password to the write.
    const withPreview = await project.pulumi(["up", "--yes", "--debug"]);
    expect(withPreview.code, withPreview.output).toBe(0);
    outputs.push(withPreview.output);
    expect(sandbox.chatwoot.writes().map((w) => w.body)).toEqual([{ profile: { password: SECOND, current_password: FIRST } }]);
    expect(sandbox.chatwoot.admin.getUser(1)!.password).toBe(SECOND);
    await run(project.pulumi(["stack", "output", "--json", "--show-secrets"]));

    // Decrypted, the resources hold none of them either. (The engine keeps the stack's config, this token included,
    // encrypted among the default provider's inputs: the engine's, not ours, and ciphertext in the files.)
    const exported = JSON.parse((await project.pulumi(["stack", "export", "--show-secrets"])).stdout);
    const ours = exported.deployment.resources.filter((r: { type: string }) => r.type.startsWith("pulumi-nodejs:dynamic/chatwoot:"));
    const decrypted = JSON.stringify(ours);
    const ada = sandbox.chatwoot.admin.getUser(1)!;
    const lea = sandbox.chatwoot.admin.findUserByEmail("lea@acme.test")!;
    const secrets = [sandbox.chatwoot.tokens.administrator, FIRST, SECOND, sandbox.chatwoot.password, ada.accessToken, ada.pubsubToken, lea.accessToken, lea.pubsubToken];
    for (const secret of secrets) {
      expect(project.stateFilesText()).not.toContain(secret);
      expect(decrypted).not.toContain(secret);
      for (const output of outputs) expect(output).not.toContain(secret);
    }
    // What the state does keep: a salted scrypt hash in place of the password, secret all the same.
    const [profile] = (await project.exportState()).deployment.resources.filter((r) => r.type.endsWith("chatwoot:Profile"));
    expect(profile.outputs.password).toHaveProperty("ciphertext");
    expect(profile.inputs.currentPassword).toBeUndefined();
    expect(JSON.stringify(ours.find((r: { type: string }) => r.type.endsWith("chatwoot:Profile")).outputs.password)).toMatch(/scrypt:/);
    await project.destroy();
  });
});
