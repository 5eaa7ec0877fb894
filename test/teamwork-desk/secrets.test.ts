import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliOutputs, destroyAndExpectNoLeak } from "../support/secrets";
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
    const cli = cliOutputs();
    const { run } = cli;

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
    await destroyAndExpectNoLeak(project, TYPE, cli, { secrets: [SURNAME], credentials: [sandbox.teamworkDesk.apiKeys.administrator] });
  });
});
