import { startSandbox } from "../../sandbox";
import { PulumiProject } from "../../harness/project";

/** Only the Chatwoot pieces: faster to start, and the env holds nothing but Chatwoot's settings. */
export const startChatwoot = () => startSandbox({ vendors: ["chatwoot", "omnivibe"] });

export type Sandbox = Awaited<ReturnType<typeof startChatwoot>>;

/** A Pulumi project whose provider talks to the given sandbox, with extra env (another token, say) laid over it. */
export function chatwootProject(sandbox: Sandbox, name: string, program: string, env: Record<string, string> = {}) {
  return PulumiProject.create({ name, program, env: { ...sandbox.env, ...env } });
}

/** The API calls that change something, as "METHOD /path" lines, for readable assertions. */
export function writeLines(sandbox: Sandbox): string[] {
  return sandbox.chatwoot.writes().map((r) => `${r.method} ${r.path}`);
}

export const program = (body: string) => `import * as pulumi from "@pulumi/pulumi";\nimport { chatwoot } from "pulumi-helpdesk";\n${body}\n`;

/**
 * A change made in Chatwoot's dashboard, which talks to the same API: sent with the administrator's token, then
 * forgotten by the request log so that tests count only the provider's requests.
 */
export async function dashboard(sandbox: Sandbox, method: string, path: string, body?: unknown, token = sandbox.chatwoot.tokens.administrator): Promise<unknown> {
  const response = await fetch(`${sandbox.chatwoot.apiBaseUrl}/api/v1${path}`, {
    method,
    headers: { api_access_token: token, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`dashboard ${method} ${path}: ${response.status} ${text}`);
  sandbox.chatwoot.clearRequests();
  return text ? JSON.parse(text) : undefined;
}
