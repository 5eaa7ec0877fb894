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
});
