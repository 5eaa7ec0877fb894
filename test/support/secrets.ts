import { expect } from "vitest";
import type { PulumiProject } from "../../harness/project";

/**
 * With --debug, the program's own Pulumi SDK logs each RegisterResource answer whole, secret values in clear: the
 * SDK's doing in the program process, not the provider's. Everything else of a --debug run, the provider's logs
 * included, is checked.
 */
function withoutSdkEcho(output: string): string {
  return output.split("\n").filter((line) => !line.includes("debug: RegisterResource RPC finished: ")).join("\n");
}

/** Keeps what each CLI run printed, for the leak check at the end of a secrets story. */
export function cliOutputs(): { outputs: string[]; run: (result: Promise<{ output: string }>) => Promise<void> } {
  const outputs: string[] = [];
  return { outputs, run: async (result) => void outputs.push(withoutSdkEcho((await result).output)) };
}

/**
 * Destroys the stack, then checks that neither the state files (read before the destroy) nor any CLI output holds a
 * secret or a credential, and that our resources of `type`, decrypted, hold no credential: only the program's own
 * secrets, which it may read back.
 */
export async function destroyAndExpectNoLeak(
  project: PulumiProject,
  type: string,
  { run, outputs }: ReturnType<typeof cliOutputs>,
  { secrets, credentials }: { secrets: string[]; credentials: string[] },
): Promise<void> {
  const exported = JSON.parse((await project.pulumi(["stack", "export", "--show-secrets"])).stdout);
  const ours = JSON.stringify(exported.deployment.resources.filter((r: { type: string }) => r.type === type));
  const state = project.stateFilesText();
  await run(project.destroy("--debug"));
  for (const secret of [...secrets, ...credentials]) {
    expect(state).not.toContain(secret);
    for (const output of outputs) expect(output).not.toContain(secret);
  }
  for (const credential of credentials) expect(ours).not.toContain(credential);
}
