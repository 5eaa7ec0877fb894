import { ImichatSandboxOptions, startSandbox } from "../../sandbox";
import { PulumiProject } from "../../harness/project";

/** Only the IMIchat piece: faster to start, and the env holds nothing but its four settings. */
export const startImichat = (options: ImichatSandboxOptions = {}) => startSandbox({ vendors: ["imichat"], imichat: options });

export type Sandbox = Awaited<ReturnType<typeof startImichat>>;

export function imichatProject(sandbox: Sandbox, name: string, program: string, env: Record<string, string> = {}) {
  return PulumiProject.create({ name, program, env: { ...sandbox.env, ...env } });
}

/** The API calls that change something, as "METHOD /path" lines below /v3.1 (searches are reads and left out). */
export function writeLines(sandbox: Sandbox): string[] {
  return sandbox.imichat.writes().map((r) => `${r.method} ${r.path.replace(/^\/v3\.1/, "")}`);
}

export const sentBodies = (sandbox: Sandbox): unknown[] => sandbox.imichat.writes().map((r) => r.body);

export const program = (body: string) => `import * as pulumi from "@pulumi/pulumi";\nimport { imichat } from "pulumi-helpdesk";\n${body}\n`;
