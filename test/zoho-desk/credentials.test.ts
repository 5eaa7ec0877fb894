import { mkdtempSync, readdirSync, readFileSync, statSync } from "fs";
import { tmpdir } from "os";
import { dirname, join } from "path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox } from "../../sandbox";
import { expectSuccess, PulumiProject } from "../../harness/project";
import { Settings } from "../../provider/core/settings";
import { ZohoAccessToken } from "../../provider/zoho/oauth";
import { ZohoConnection } from "../../provider/zoho/connection";
import { ZohoDeskClient } from "../../provider/zohoDesk/client";
import { program, Sandbox } from "../support/desk";

const trainees = (name: string) => program(`new zohoDesk.Profile("newbies", { name: "${name}", cloneFrom: "Newbie Agent", permissions: { reports: { view: false } } });`);
const newbies = trainees("Trainees");

describe("credentials come from Pulumi config secrets or the environment, never from state", () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(async () => sandbox?.close());

  it("a missing credential fails the preview, naming the config key and the environment variable", async () => {
    const project = await PulumiProject.create({ name: "no-creds", program: newbies, env: { ...sandbox.env, ZOHO_REFRESH_TOKEN: "" } });
    const preview = await project.preview();
    expect(preview.code).not.toBe(0);
    expect(preview.output).toContain("helpdesk:zohoRefreshToken");
    expect(preview.output).toContain("ZOHO_REFRESH_TOKEN");
    expect(sandbox.zohoDesk.requests()).toEqual([]);
  });

  it("settings that can never work fail the preview at once, naming the setting, without a request", async () => {
    sandbox.zohoDesk.clearRequests();
    const cases = [
      { env: { ZOHO_DESK_API_BASE_URL: "not a url" }, expected: "'helpdesk:zohoDeskApiBaseUrl' / environment variable ZOHO_DESK_API_BASE_URL: the value \"not a url\" is not an absolute URL" },
      { env: { ZOHO_DESK_API_BASE_URL: "ftp://desk.zoho.com/api/v1" }, expected: "has the scheme ftp: where https: (or http:) is needed" },
      {
        env: { ZOHO_DESK_ORG_ID: `${sandbox.env.ZOHO_DESK_ORG_ID}\n` },
        expected: `ZOHO_DESK_ORG_ID: the value ${JSON.stringify(`${sandbox.env.ZOHO_DESK_ORG_ID}\n`)} contains a line break or other control character`,
      },
      { env: { ZOHO_REFRESH_TOKEN: `${sandbox.env.ZOHO_REFRESH_TOKEN}\n` }, expected: "ZOHO_REFRESH_TOKEN: the value (a secret, not shown) contains a line break" },
    ];
    for (const { env, expected } of cases) {
      const project = await PulumiProject.create({ name: "bad-setting", program: newbies, env: { ...sandbox.env, ...env } });
      const started = Date.now();
      const preview = await project.preview();
      expect(preview.code).not.toBe(0);
      expect(preview.output).toContain(expected);
      expect(preview.output).not.toContain("could not be reached");
      expect(preview.output).not.toContain(sandbox.env.ZOHO_REFRESH_TOKEN!);
      // A retried request would take seconds of backoff; a refused setting only the engine's own start-up.
      expect(Date.now() - started).toBeLessThan(30_000);
    }
    expect(sandbox.zohoDesk.requests()).toEqual([]);
    expect(sandbox.zohoDesk.tokenRequests()).toEqual([]);
  });

  it("config secrets work in place of environment variables, and only their ciphertext reaches the state", async () => {
    const { ZOHO_CLIENT_SECRET: clientSecret, ZOHO_REFRESH_TOKEN: refreshToken } = sandbox.env;
    const project = await PulumiProject.create({
      name: "config-creds",
      program: newbies,
      env: { ...sandbox.env, ZOHO_CLIENT_SECRET: "", ZOHO_REFRESH_TOKEN: "" },
    });
    await project.config("helpdesk:zohoClientSecret", clientSecret!, true);
    await project.config("helpdesk:zohoRefreshToken", refreshToken!, true);
    await project.up();
    expect(sandbox.zohoDesk.admin.findProfileByName("Trainees")!.permissions.reports.view).toBe(false);
    const state = project.stateFilesText();
    expect(state).not.toContain(clientSecret);
    expect(state).not.toContain(refreshToken);
    await project.destroy();
  });

  it("a wrong refresh token fails with Zoho's answer and no credential in the message", async () => {
    const project = await PulumiProject.create({ name: "bad-creds", program: newbies, env: { ...sandbox.env, ZOHO_REFRESH_TOKEN: "1000.not-a-real-token" } });
    const preview = await project.preview();
    expect(preview.code).not.toBe(0);
    expect(preview.output).toMatch(/Zoho accounts .* refused the refresh token: invalid_code|invalid_client/);
    expect(preview.output).not.toContain("1000.not-a-real-token");
    expect(preview.output).not.toContain(sandbox.env.ZOHO_CLIENT_SECRET!);
  });
});

describe("one access token per refresh token, shared by the commands on a machine", () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(async () => sandbox?.close());

  /**
   * Three `pulumi up` with their previews, then a preview: seven provider processes. With --refresh each of them
   * reads the profile from Zoho (without it, a preview of an unchanged stack never calls Zoho and needs no token).
   */
  async function commands(project: PulumiProject, env: NodeJS.ProcessEnv = {}): Promise<void> {
    for (let i = 0; i < 3; i++) expectSuccess(await project.pulumi(["up", "--yes", "--refresh"], env));
    expectSuccess(await project.pulumi(["preview", "--refresh"], env));
  }

  it("three pulumi up and a preview make one token exchange in all; the cache file holds the access token only", async () => {
    const project = await PulumiProject.create({ name: "token-cache", program: trainees("Cached Trainees"), env: { ...sandbox.env } });
    sandbox.zohoDesk.clearRequests();
    await commands(project);
    expect(sandbox.zohoDesk.tokenRequests()).toHaveLength(1);

    // The harness keeps each project's cache in its scratch folder, never in the user's.
    const dir = join(dirname(project.stateDir), ".token-cache");
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    const file = join(dir, files[0]);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    const content = readFileSync(file, "utf8");
    expect(content).not.toContain(sandbox.env.ZOHO_CLIENT_SECRET!);
    expect(content).not.toContain(sandbox.env.ZOHO_REFRESH_TOKEN!);
    expect(Object.keys(JSON.parse(content)).sort()).toEqual(["accessToken", "expiresAt"]);

    // A cached token the vendor no longer takes (revoked in the console) is renewed once, and the cache rewritten.
    sandbox.zohoDesk.revokeAccessTokens();
    expectSuccess(await project.pulumi(["preview", "--refresh"]));
    expectSuccess(await project.pulumi(["preview", "--refresh"]));
    expect(sandbox.zohoDesk.tokenRequests()).toHaveLength(2);
    expect(readFileSync(file, "utf8")).not.toBe(content);
    await project.destroy();
    // Eight engine commands in one story: give it the time of two ordinary tests.
  }, 480_000);

  it("with PULUMI_HELPDESK_TOKEN_CACHE=off, each provider process makes its own exchange and nothing is written", async () => {
    const project = await PulumiProject.create({ name: "token-cache-off", program: trainees("Uncached Trainees"), env: { ...sandbox.env } });
    sandbox.zohoDesk.clearRequests();
    await commands(project, { PULUMI_HELPDESK_TOKEN_CACHE: "off" });
    expect(sandbox.zohoDesk.tokenRequests()).toHaveLength(7);
    expect(readdirSync(dirname(project.stateDir))).not.toContain(".token-cache");
    await project.destroy();
  });

  it("past Zoho's token cap, the command fails saying so and when to retry, not blaming the credentials", async () => {
    const capped = await startSandbox({ zohoDesk: { tokenRefreshesPer10Minutes: 1 } });
    try {
      const project = await PulumiProject.create({ name: "token-cap", program: newbies, env: { ...capped.env, PULUMI_HELPDESK_TOKEN_CACHE: "off" } });
      expectSuccess(await project.preview());
      const refused = await project.preview();
      expect(refused.code).not.toBe(0);
      expect(refused.output).toContain("issues no more access tokens for this refresh token for now");
      expect(refused.output).toContain("Try again in up to 10 minutes");
      expect(refused.output).not.toContain("Check the client id");
      // The cap answer is not retried: retrying only pushes the window further away.
      expect(capped.zohoDesk.tokenRequests()).toHaveLength(2);
    } finally {
      await capped.close();
    }
  });
});

describe("in one provider process", () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox();
    process.env.PULUMI_HELPDESK_TOKEN_CACHE_DIR = mkdtempSync(join(tmpdir(), "helpdesk-token-cache-"));
  });
  afterAll(async () => sandbox?.close());

  it("every client shares one access token, and requests that start together wait for one exchange", async () => {
    const settings = new Settings(() => undefined, { ...sandbox.env });
    const clients = [ZohoDeskClient.for(new ZohoConnection(settings)), ZohoDeskClient.for(new ZohoConnection(settings))];
    await Promise.all(clients.flatMap((client) => [client.listProfiles(), client.getProfile("4000000008467"), client.listProfiles()]));
    expect(sandbox.zohoDesk.tokenRequests()).toHaveLength(1);
    const credentials = { accountsUrl: sandbox.env.ZOHO_ACCOUNTS_URL, clientId: "c", clientSecret: "s", refreshToken: "r" };
    expect(ZohoAccessToken.for(credentials, "test")).toBe(ZohoAccessToken.for({ ...credentials, accountsUrl: `${credentials.accountsUrl}/` }, "test"));
    expect(ZohoAccessToken.for(credentials, "test")).not.toBe(ZohoAccessToken.for({ ...credentials, refreshToken: "other" }, "test"));
  });
});
