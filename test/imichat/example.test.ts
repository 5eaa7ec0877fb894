import { rmSync } from "fs";
import { join } from "path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PulumiProject } from "../../harness/project";
import { repoRoot } from "../../harness/repo-root";
import { Sandbox, startImichat } from "../support/imichat";

const exampleDir = join(repoRoot, "examples", "imichat-onboarding");

describe("examples/imichat-onboarding runs as documented, type-checked", () => {
  let sandbox: Sandbox;
  let project: PulumiProject;

  beforeAll(async () => {
    sandbox = await startImichat();
    project = await PulumiProject.create({ name: "imi-example", dir: exampleDir, env: { ...sandbox.env }, typeCheck: true });
  });
  afterAll(async () => {
    rmSync(join(exampleDir, "Pulumi.dev.yaml"), { force: true });
    await sandbox?.close();
  });

  it("applies the rota with team roles, shows a stack setting's effect as one attribute per hire, and destroys by deactivating", async () => {
    await project.up();
    const admin = sandbox.imichat.admin;
    expect(admin.findUserByLoginId("owen.price")).toMatchObject({
      privileges: [{ teamid: 7001, role: "Team Agent" }, { teamid: 7002, role: "Team Analyst" }],
      custom_attributes: { business: "Retail", location: "Austin" },
      skill_attributes: { language: ["English"] },
    });
    expect(admin.findUserByLoginId("ina.inactive")!.status).toBe("active");

    await project.config("office", "Leeds");
    const preview = await project.preview();
    expect(preview.output.match(/~ location\s*: "Austin" => "Leeds"/g)).toHaveLength(3);

    const destroy = await project.destroy();
    expect(destroy.output).toMatch(/IMIchat has no delete; user rhea\.kapoor/);
    for (const loginId of ["rhea.kapoor", "owen.price", "lucia.ferraz", "ina.inactive"]) expect(admin.findUserByLoginId(loginId)!.status).toBe("inactive");
  });
});
