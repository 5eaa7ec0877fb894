import { startSandbox, TeamworkDeskSandboxOptions } from "../../sandbox";
import { PulumiProject } from "../../harness/project";

/** Only the Teamwork Desk piece: faster to start, and the env holds nothing but its two settings. */
export const startTeamworkDesk = (options: TeamworkDeskSandboxOptions = {}) => startSandbox({ vendors: ["teamworkDesk"], teamworkDesk: options });

export type Sandbox = Awaited<ReturnType<typeof startTeamworkDesk>>;

export function teamworkProject(sandbox: Sandbox, name: string, program: string, env: Record<string, string> = {}) {
  return PulumiProject.create({ name, program, env: { ...sandbox.env, ...env } });
}

/** The API calls that change something, as "METHOD /path" lines below /desk/api/v2, for readable assertions. */
export function writeLines(sandbox: Sandbox): string[] {
  return sandbox.teamworkDesk.writes().map((r) => `${r.method} ${r.path.replace(/^\/desk\/api\/v2/, "")}`);
}

/** The `user` object of each write, in order. */
export function sentUsers(sandbox: Sandbox): unknown[] {
  return sandbox.teamworkDesk.writes().map((r) => (r.body as { user?: unknown }).user);
}

export const program = (body: string) => `import * as pulumi from "@pulumi/pulumi";\nimport { teamworkDesk } from "pulumi-helpdesk";\n${body}\n`;
