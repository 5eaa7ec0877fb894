import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { program, Sandbox, sentUsers, startTeamworkDesk, teamworkProject } from "../support/teamwork-desk";

const TYPE = "pulumi-nodejs:dynamic/teamworkDesk:User";
// A protected identity: the desk shows the agent by a working name; the legal surname is the program's secret.
const SURNAME = "Okonkwo-Whitfield";

const rota = (surname: string) =>
  program(`
export const jo = new teamworkDesk.User("jo", {
  email: "jo.newhire@acme-sandbox.test",
  firstName: "Jo",
  lastName: pulumi.secret("${surname}"),
  role: "agent",
}).userId;`);

describe("teamworkDesk.User: the API key and an argument the program marks secret stay out of state, outputs, CLI output and logs", () => {
  let sandbox: Sandbox;

  beforeAll(async () => {
    sandbox = await startTeamworkDesk();
  });
  afterAll(async () => sandbox?.close());

  it("through create, update, refresh, a drift preview and destroy", async () => {
    // The key as a config secret, the way a real stack holds it; the variable is blanked so the config is what counts.
    const project = await teamworkProject(sandbox, "tw-secrets", rota(SURNAME), { TEAMWORK_DESK_API_KEY: "" });
    await project.config("helpdesk:teamworkDeskApiKey", sandbox.teamworkDesk.apiKeys.administrator, true);
    const outputs: string[] = [];
    const run = async (result: Promise<{ output: string }>) => outputs.push(withoutSdkEcho((await result).output));

    await run(project.preview());
    await run(project.up("--debug"));
    // Teamwork Desk did receive it: secrecy is about what Pulumi keeps and prints.
    const joId = sandbox.teamworkDesk.admin.findUserByEmail("jo.newhire@acme-sandbox.test")!.id;
    expect(sandbox.teamworkDesk.admin.getUser(joId)!.lastName).toBe(SURNAME);

    project.writeProgram(rota(`${SURNAME}-Ade`));
    sandbox.teamworkDesk.clearRequests();
    await run(project.up("--debug"));
    expect(sentUsers(sandbox)).toEqual([{ lastName: `${SURNAME}-Ade` }]);
    sandbox.teamworkDesk.admin.updateUser(joId, { lastName: `${SURNAME} (typo)` });
    await run(project.pulumi(["preview", "--refresh", "--diff"]));
    await run(project.refresh("--debug"));
    await run(project.up("--refresh"));
    await run(project.pulumi(["stack", "output", "--json"]));

    const [jo] = (await project.exportState()).deployment.resources.filter((r) => r.type === TYPE);
    expect(jo.outputs.lastName).toHaveProperty("ciphertext");
    const exported = JSON.parse((await project.pulumi(["stack", "export", "--show-secrets"])).stdout);
    const ours = JSON.stringify(exported.deployment.resources.filter((r: { type: string }) => r.type === TYPE));
    const state = project.stateFilesText();
    await run(project.destroy("--debug"));
    const key = sandbox.teamworkDesk.apiKeys.administrator;
    for (const secret of [SURNAME, key]) {
      expect(state).not.toContain(secret);
      for (const output of outputs) expect(output).not.toContain(secret);
    }
    // Decrypted, the resource holds no credential either: only the program's own secret, which it may read back.
    expect(ours).not.toContain(key);
  });
});

/**
 * With --debug, the program's own Pulumi SDK logs each RegisterResource answer whole, secret values in clear: the
 * SDK's doing in the program process, not the provider's. Everything else of a --debug run, the provider's logs
 * included, is checked.
 */
function withoutSdkEcho(output: string): string {
  return output.split("\n").filter((line) => !line.includes("debug: RegisterResource RPC finished: ")).join("\n");
}
