import { rmSync } from "fs";
import { join } from "path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PulumiProject } from "../../harness/project";
import { repoRoot } from "../../harness/repo-root";
import { Sandbox, startTeamworkDesk } from "../support/teamwork-desk";

const exampleDir = join(repoRoot, "examples", "teamwork-desk-onboarding");

describe("examples/teamwork-desk-onboarding runs as documented, type-checked", () => {
  let sandbox: Sandbox;
  let project: PulumiProject;

  beforeAll(async () => {
    sandbox = await startTeamworkDesk();
    project = await PulumiProject.create({ name: "tw-example", dir: exampleDir, env: { ...sandbox.env }, typeCheck: true });
  });
  afterAll(async () => {
    rmSync(join(exampleDir, "Pulumi.dev.yaml"), { force: true });
    await sandbox?.close();
  });

  it("applies the rota, shows a stack setting's effect as one field per user, and destroys by deleting each user", async () => {
    await project.up();
    const admin = sandbox.teamworkDesk.admin;
    expect(admin.findUserByEmail("noor.haddad@acme-sandbox.test")).toMatchObject({ reviewer: true, editMethod: "markdown", ticketReplyRedirect: "Next" });
    expect(admin.findUserByEmail("kai.moreau@acme-sandbox.test")).toMatchObject({ reviewer: false, timezoneId: 27 });
    expect(admin.getUser(52003)!.isPartTime).toBe(false);

    await project.config("afterReply", "Stay");
    const preview = await project.preview();
    expect(preview.output.match(/~ ticketReplyRedirect\s*: "Next" => "Stay"/g)).toHaveLength(5);

    await project.destroy();
    expect(admin.findUserByEmail("noor.haddad@acme-sandbox.test")!.state).toBe("deleted");
    expect(admin.getUser(52003)!.state).toBe("deleted");
  });
});
