import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox } from "../../sandbox";
import { PulumiProject } from "../../harness/project";
import { program, Sandbox } from "../support/desk";

const newbies = program(`new zohoDesk.Profile("newbies", { name: "Trainees", cloneFrom: "Newbie Agent", permissions: { reports: { view: false } } });`);

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
