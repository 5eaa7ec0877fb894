import { rmSync } from "fs";
import { join } from "path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PulumiProject } from "../../harness/project";
import { repoRoot } from "../../harness/repo-root";
import { Sandbox, startChatwoot } from "../support/chatwoot";

const dir = join(repoRoot, "examples", "chatwoot-on-call");

describe("examples/chatwoot-on-call runs as documented, type-checked", () => {
  let sandbox: Sandbox;
  let project: PulumiProject;

  beforeAll(async () => {
    sandbox = await startChatwoot();
    project = await PulumiProject.create({ name: "example-chatwoot", dir, env: { ...sandbox.env }, typeCheck: true });
  });
  afterAll(async () => {
    rmSync(join(dir, "Pulumi.dev.yaml"), { force: true });
    await sandbox?.close();
  });

  it("builds the team, shows a change of who is on call as availability leaves, and destroys", async () => {
    await project.up();
    const role = sandbox.chatwoot.admin.listCustomRoles().find((r) => r.name === "Team Leads")!;
    const lea = sandbox.chatwoot.admin.findUserByEmail("lea@acme.test")!;
    expect(sandbox.chatwoot.admin.membership(1, lea.id)).toMatchObject({ role: "agent", customRoleId: role.id, availability: "online" });
    expect(sandbox.chatwoot.admin.membership(1, sandbox.chatwoot.admin.findUserByEmail("olu@acme.test")!.id)!.role).toBe("administrator");

    await project.config("onCall", "max@acme.test");
    const preview = await project.preview();
    expect(preview.output).toMatch(/~ availability\s*: "online" => "busy"/);
    expect(preview.output).toMatch(/~ availability\s*: "busy" => "online"/);

    await project.destroy();
    expect(sandbox.chatwoot.admin.findUserByEmail("lea@acme.test")).toBeUndefined();
    expect(sandbox.chatwoot.admin.listCustomRoles().some((r) => r.name === "Team Leads")).toBe(false);
    expect(sandbox.chatwoot.admin.getUser(1)!.messageSignature).toBe("");
  });
});
