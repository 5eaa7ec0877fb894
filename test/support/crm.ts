import { startSandbox } from "../../sandbox";
import { PulumiProject } from "../../harness/project";

/** A sandbox with the Zoho CRM orgs (.com and .eu) and their accounts servers only. */
export const startCrmSandbox = () => startSandbox({ vendors: ["zohoCrm"] });

export type Sandbox = Awaited<ReturnType<typeof startCrmSandbox>>;

/** A Pulumi project whose provider talks to the given sandbox (default connection: the .com org; "eu": the .eu org). */
export function crmProject(sandbox: Sandbox, name: string, program: string) {
  return PulumiProject.create({ name, program, env: { ...sandbox.env } });
}

/** The API calls that change something, both orgs, as "METHOD /path" lines (query included), for readable assertions. */
export function crmWriteLines(sandbox: Sandbox): string[] {
  return sandbox.zohoCrm.writes().map((r) => {
    const query = new URLSearchParams(r.query).toString();
    return `${r.method} ${r.path.replace(/^\/crm\/v8/, "")}${query ? `?${query}` : ""}`;
  });
}

/** The permissions_details a write sent, as [permission name, enabled] pairs in request order, named in the org it went to. */
export function sentToggles(sandbox: Sandbox, index = 0): Array<[string, boolean]> {
  const write = sandbox.zohoCrm.writes()[index];
  const org = sandbox.zohoCrm.org((write.dataCentre ?? "com") as "com" | "eu");
  const nameOf = new Map(org.admin.permissions().map((p) => [p.id, p.name]));
  const details = (write.body as { profiles: Array<{ permissions_details?: Array<{ id: string; enabled: boolean }> }> }).profiles[0].permissions_details ?? [];
  return details.map((d) => [nameOf.get(d.id) ?? `unknown id ${d.id}`, d.enabled]);
}

export const program = (body: string) => `import { zohoCrm } from "pulumi-helpdesk";\n${body}\n`;
