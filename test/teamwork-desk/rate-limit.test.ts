import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { program, Sandbox, startTeamworkDesk, teamworkProject } from "../support/teamwork-desk";

const SLOW = process.env.HELPDESK_SLOW_TESTS === "1";

const users = (count: number) =>
  program(Array.from({ length: count }, (_, i) => `new teamworkDesk.User("u${i}", { email: "hire${i}@acme-sandbox.test", firstName: "Hire", lastName: "${i}", reviewer: ${i % 2 === 0} });`).join("\n"));

const hires = (sandbox: Sandbox, state: string) => sandbox.teamworkDesk.admin.listUsers().filter((u) => u.email.startsWith("hire") && u.state === state);

/** Applies `count` users (then destroys them, if asked) and reports what the run cost and what the vendor refused. */
async function apply(sandbox: Sandbox, name: string, count: number, { destroy }: { destroy: boolean }) {
  const project = await teamworkProject(sandbox, name, users(count));
  const timed = async (run: () => Promise<{ output: string }>) => {
    const started = Date.now();
    const { output } = await run();
    return { output, seconds: Math.round((Date.now() - started) / 1000) };
  };
  const up = await timed(() => project.up());
  const created = hires(sandbox, "active").length;
  const down = destroy ? await timed(() => project.destroy()) : undefined;
  const requests = sandbox.teamworkDesk.requests();
  const refused = requests.filter((r) => r.status === 429).length;
  console.log(`${count} Teamwork Desk users: up ${up.seconds} s${down ? `, destroy ${down.seconds} s` : ""}, ${requests.length} requests, ${refused} answered 429 (retried inside the provider)`);
  return { created, output: up.output + (down?.output ?? ""), refused };
}

describe("Teamwork Desk's per-minute limit slows a run down instead of failing it", () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startTeamworkDesk({ rateLimitPerMinute: 10 });
  });
  afterAll(async () => sandbox?.close());

  // One listing and twelve creates: past the limit once, so the run waits for the window its headers announce (about a minute).
  it("12 users against a site that takes 10 requests a minute: the run waits for the window, and no 429 reaches the user", async () => {
    const { created, output, refused } = await apply(sandbox, "tw-rate-small", 12, { destroy: false });
    expect(created).toBe(12);
    expect(output).not.toMatch(/429|Too Many Requests/);
    // The pacer keeps to the window the X-Rate-Limit-* headers describe: at most the requests already in flight are refused.
    expect(refused).toBeLessThanOrEqual(4);
  }, 400_000);
});

describe.runIf(SLOW)("300 users under Teamwork Desk's documented 120 requests a minute (HELPDESK_SLOW_TESTS=1)", () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startTeamworkDesk();
  });
  afterAll(async () => sandbox?.close());

  it("up and destroy of 300 users finish, and no 429 reaches the user", async () => {
    const { created, output, refused } = await apply(sandbox, "tw-rate-300", 300, { destroy: true });
    expect(created).toBe(300);
    expect(hires(sandbox, "deleted")).toHaveLength(300);
    expect(output).not.toMatch(/429|Too Many Requests/);
    expect(refused).toBeLessThanOrEqual(4);
  }, 1_800_000);
});
