import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cliOutputs, destroyAndExpectNoLeak } from "../support/secrets";
import { imichatProject, program, Sandbox, sentBodies, startImichat } from "../support/imichat";

const TYPE = "pulumi-nodejs:dynamic/imichat:User";
const DUTY = "Escalations: bridge PIN 48151623";
const SAFE_HOUSE = "Safe room 7, Leeds";

const rota = (duty: string) =>
  program(`
export const lee = new imichat.User("lee", {
  firstName: "Lee",
  loginId: "lee.newhire",
  email: "lee.newhire@acme-sandbox.test",
  jobDescription: pulumi.secret("${duty}"),
  customAttributes: { business: "Retail", location: pulumi.secret("${SAFE_HOUSE}") },
  privileges: [{ team: 7001, role: "Team Agent" }],
}).userId;`);

describe("imichat.User: the API key, the access token and the arguments a program marks secret stay out of state, outputs, CLI output and logs", () => {
  let sandbox: Sandbox;

  beforeAll(async () => {
    sandbox = await startImichat();
  });
  afterAll(async () => sandbox?.close());

  it("through create, update, refresh, a drift preview and destroy", async () => {
    // The key as a config secret, the way a real stack holds it; the variable is blanked so the config is what counts.
    const project = await imichatProject(sandbox, "imi-secrets", rota(DUTY), { IMICHAT_API_KEY: "" });
    await project.config("helpdesk:imichatApiKey", sandbox.imichat.apiKey, true);
    const cli = cliOutputs();
    const { run } = cli;

    await run(project.preview());
    await run(project.up("--debug"));
    // IMIchat did receive them: secrecy is about what Pulumi keeps and prints.
    const leeId = sandbox.imichat.admin.findUserByLoginId("lee.newhire")!.id;
    expect(sandbox.imichat.admin.getUser(leeId)!.job_description).toBe(DUTY);
    expect(sandbox.imichat.admin.getUser(leeId)!.custom_attributes.location).toBe(SAFE_HOUSE);

    project.writeProgram(rota(`${DUTY} (nights)`));
    sandbox.imichat.clearRequests();
    await run(project.up("--debug"));
    expect(sentBodies(sandbox)).toEqual([{ job_description: `${DUTY} (nights)` }]);
    sandbox.imichat.admin.updateUser(leeId, { job_description: "changed in the console" });
    await run(project.pulumi(["preview", "--refresh", "--diff"]));
    await run(project.refresh("--debug"));
    await run(project.up("--refresh"));
    await run(project.pulumi(["stack", "output", "--json"]));

    const [lee] = (await project.exportState()).deployment.resources.filter((r) => r.type === TYPE);
    expect(lee.outputs.jobDescription).toHaveProperty("ciphertext");
    const tokens = [...new Set(sandbox.imichat.requests().map((r) => String(r.headers.access_token ?? "")).filter(Boolean))];
    expect(tokens.length).toBeGreaterThan(0);
    await destroyAndExpectNoLeak(project, TYPE, cli, {
      secrets: [DUTY, SAFE_HOUSE],
      credentials: [sandbox.imichat.apiKey, sandbox.imichat.authorizationKey, ...tokens],
    });
  });
});
