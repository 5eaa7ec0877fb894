import { startSandbox } from "../../sandbox";
import { PulumiProject } from "../../harness/project";

export type Sandbox = Awaited<ReturnType<typeof startSandbox>>;

/** A Pulumi project whose provider talks to the given sandbox. */
export function deskProject(sandbox: Sandbox, name: string, program: string, options: { copyPackage?: boolean } = {}) {
  return PulumiProject.create({ name, program, env: { ...sandbox.env }, ...options });
}

/** The API calls that change something, as "METHOD /path" lines, for readable assertions. */
export function writeLines(sandbox: Sandbox): string[] {
  return sandbox.zohoDesk.writes().map((r) => `${r.method} ${r.path}`);
}

export const program = (body: string) => `import { zohoDesk } from "pulumi-helpdesk";\n${body}\n`;
