import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Settings } from "../../provider/core/settings";
import { ImichatUserKind, UserOutputs } from "../../provider/imichat/user";
import { Sandbox, startImichat } from "../support/imichat";

/** In process (no engine): what one provider process sends when IMIchat's access token expires under it. */
describe("imichat.User's access token, in one provider process", () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startImichat();
  });
  afterAll(async () => sandbox?.close());

  it("one /authorize serves every request; an expired token (2004) is renewed once and the request sent again", async () => {
    const kind = new ImichatUserKind(new Settings(() => undefined, { ...sandbox.env }));
    const sam = { firstName: "Sam", loginId: "sam.agent", email: "sam.agent@acme-sandbox.test", adopt: true } as UserOutputs;
    await kind.read("880003", sam);
    await kind.read("880002", { ...sam, loginId: "mia.manager" });
    sandbox.imichat.admin.expireTokens();
    const after = await kind.read("880003", sam);
    expect(after?.props.userId).toBe(880003);
    expect(sandbox.imichat.requests().map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      "GET /v3.1/authorize 200",
      "GET /v3.1/users/880003 200",
      "GET /v3.1/users/880002 200",
      "GET /v3.1/users/880003 401",
      "GET /v3.1/authorize 200",
      "GET /v3.1/users/880003 200",
    ]);
  });

  it("/authorize goes through the transport: a renewal answered 503, then cut off, is retried; the new token serves the reads", async () => {
    const kind = new ImichatUserKind(new Settings(() => undefined, { ...sandbox.env }));
    const sam = { firstName: "Sam", loginId: "sam.agent", email: "sam.agent@acme-sandbox.test", adopt: true } as UserOutputs;
    sandbox.imichat.admin.expireTokens();
    sandbox.imichat.clearRequests();
    sandbox.imichat.faults.failNext({ method: "GET", path: "/v3.1/authorize", status: 503 });
    sandbox.imichat.faults.failNext({ method: "GET", path: "/v3.1/authorize", dropConnection: true });
    expect((await kind.read("880003", sam))?.props.userId).toBe(880003);
    await kind.read("880002", { ...sam, loginId: "mia.manager" });
    expect(sandbox.imichat.requests().map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
      "GET /v3.1/users/880003 401",
      "GET /v3.1/authorize 503",
      // The sandbox cut the connection without answering: status 0.
      "GET /v3.1/authorize 0",
      "GET /v3.1/authorize 200",
      "GET /v3.1/users/880003 200",
      "GET /v3.1/users/880002 200",
    ]);
  });

  it("a key IMIchat refuses (2003, HTTP 400) is not retried: it fails at once, naming the settings and not showing the key", async () => {
    sandbox.imichat.clearRequests();
    const kind = new ImichatUserKind(new Settings(() => undefined, { ...sandbox.env, IMICHAT_API_KEY: "not-the-key-0000" }));
    const sam = { firstName: "Sam", loginId: "sam.agent", email: "sam.agent@acme-sandbox.test", adopt: true } as UserOutputs;
    const error = await kind.read("880003", sam).then(() => undefined, (e: Error) => e);
    expect(error?.message).toMatch(/IMIchat refused the API key and domain at \/v3\.1\/authorize \(2003 .+\): check helpdesk:imichatApiKey \/ IMICHAT_API_KEY and helpdesk:imichatDomain/);
    expect(error?.message).not.toContain("not-the-key-0000");
    expect(sandbox.imichat.requests().map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual(["GET /v3.1/authorize 400"]);
  });
});
