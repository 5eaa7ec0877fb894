import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox } from "../../sandbox";
import { deskProject, program, Sandbox } from "../support/desk";

const COUNT = 12;
const names = Array.from({ length: COUNT }, (_, i) => `Rate Limited ${i + 1}`);
const profiles = program(
  names.map((name, i) => `new zohoDesk.Profile("p${i}", { name: "${name}", transferToProfile: "Agent", permissions: { reports: { view: false } } });`).join("\n"),
);

describe("a vendor's rate limit slows a run down instead of failing it", () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ zohoDesk: { rateLimitPerMinute: 20 } });
  });
  afterAll(async () => sandbox?.close());

  // Each profile costs a clone and a PATCH to create and a delete to destroy: about three minutes' worth of requests.
  it(`${COUNT} profiles against a sandbox that takes 20 requests a minute: up and destroy both finish`, async () => {
    const project = await deskProject(sandbox, "rate-limit", profiles);
    const started = Date.now();
    await project.up();
    for (const name of names) expect(sandbox.zohoDesk.admin.findProfileByName(name)?.permissions.reports.view).toBe(false);
    await project.destroy();
    for (const name of names) expect(sandbox.zohoDesk.admin.findProfileByName(name)).toBeUndefined();
    const minutes = (Date.now() - started) / 60_000;
    const refused = sandbox.zohoDesk.requests().filter((r) => r.status === 429).length;
    console.log(`rate-limited run: ${minutes.toFixed(1)} min, ${sandbox.zohoDesk.requests().length} requests, ${refused} answered 429`);
    // The limit was really reached, and the client paced itself instead of starting a retry storm: each engine
    // process (one for up, one for destroy) meets a full window at most twice, when it starts inside the other's
    // requests and when it learns the limit, and then only the four requests in flight are refused.
    expect(refused).toBeGreaterThan(0);
    expect(refused).toBeLessThanOrEqual(2 * 2 * 4);
  }, 600_000);
});
