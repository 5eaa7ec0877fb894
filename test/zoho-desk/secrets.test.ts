import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox } from "../../sandbox";
import { deskProject, Sandbox } from "../support/desk";

const SECRET = "Escalation bridge PIN 48151623";

const secretProgram = (exportTickets: boolean) => `import * as pulumi from "@pulumi/pulumi";
import { zohoDesk } from "pulumi-helpdesk";
const advisors = new zohoDesk.Profile("advisors", {
  name: "Agent Advisors",
  adopt: "Agent Advisors",
  transferToProfile: "Agent",
  description: pulumi.secret("${SECRET}"),
  permissions: { tickets: { export: ${exportTickets} } },
});
const vault = new zohoDesk.Profile("vault", {
  name: "Vault Keepers",
  description: pulumi.secret("${SECRET} (vault)"),
  permissions: { tickets: { delete: false } },
});
export const everything = { advisors, vault };
`;

describe("a value the program marks secret stays secret in state, outputs and CLI output", () => {
  let sandbox: Sandbox;

  beforeAll(async () => {
    sandbox = await startSandbox();
  });
  afterAll(async () => sandbox?.close());

  it("through create, adoption, update, refresh and drift repair", async () => {
    const project = await deskProject(sandbox, "secrets", secretProgram(false));
    const outputs: string[] = [];
    const run = async (result: Promise<{ output: string }>) => outputs.push((await result).output);

    await run(project.preview());
    await run(project.up());
    // The vendor did receive it: secrecy is about what Pulumi keeps and prints.
    expect(sandbox.zohoDesk.admin.findProfileByName("Vault Keepers")!.description).toContain(SECRET);
    project.writeProgram(secretProgram(true));
    await run(project.preview());
    await run(project.up());
    sandbox.zohoDesk.admin.updateProfile(sandbox.zohoDesk.admin.findProfileByName("Agent Advisors")!.id, { description: "changed in the UI" });
    await run(project.pulumi(["preview", "--refresh", "--diff"]));
    await run(project.refresh());
    await run(project.up("--refresh"));
    await run(project.pulumi(["stack", "output", "--json"]));

    const state = await project.exportState();
    const profiles = state.deployment.resources.filter((r) => r.type.endsWith("zohoDesk:Profile"));
    for (const resource of profiles) {
      expect(JSON.stringify(resource.outputs)).not.toContain("Escalation bridge");
      expect(resource.outputs.description).toHaveProperty("ciphertext");
    }
    expect(profiles.find((r) => r.urn.endsWith("advisors"))!.outputs.changesOnAdoption).toContain("description: changed");
    expect(project.stateFilesText()).not.toContain("Escalation bridge");
    for (const output of outputs) expect(output).not.toContain("Escalation bridge");
    await project.destroy();
  });
});
