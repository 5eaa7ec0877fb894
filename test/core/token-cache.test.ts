import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { describe, expect, it } from "vitest";
import { TokenCache } from "../../provider/core/token-cache";

const scratch = () => mkdtempSync(join(tmpdir(), "token-cache-test-"));
const key = TokenCache.keyFor("https://accounts.example.com", "client-id", "refresh-token");
const token = { accessToken: "1000.access", expiresAt: 1_900_000_000_000 };

describe("TokenCache", () => {
  it("keeps only the access token and its expiry, in a 0600 file in a 0700 folder named by a hash", async () => {
    const dir = join(scratch(), "tokens");
    const cache = TokenCache.fromEnvironment({ PULUMI_HELPDESK_TOKEN_CACHE_DIR: dir })!;
    await cache.write(key, token);
    expect(await cache.read(key)).toEqual(token);
    const files = readdirSync(dir);
    expect(files).toEqual([`${key}.json`]);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.parse(readFileSync(join(dir, files[0]), "utf8"))).toEqual(token);
    expect(statSync(join(dir, files[0])).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it("keys each refresh token apart", () => {
    expect(TokenCache.keyFor("https://accounts.example.com", "client-id", "other-token")).not.toBe(key);
    expect(TokenCache.keyFor("https://accounts.example.eu", "client-id", "refresh-token")).not.toBe(key);
    // The separator keeps ("ab", "c") and ("a", "bc") apart.
    expect(TokenCache.keyFor("ab", "c")).not.toBe(TokenCache.keyFor("a", "bc"));
  });

  it("replaces a token without leaving temporary files behind", async () => {
    const dir = scratch();
    const cache = TokenCache.fromEnvironment({ PULUMI_HELPDESK_TOKEN_CACHE_DIR: dir })!;
    await cache.write(key, token);
    await cache.write(key, { accessToken: "1000.newer", expiresAt: token.expiresAt + 1 });
    expect(await cache.read(key)).toEqual({ accessToken: "1000.newer", expiresAt: token.expiresAt + 1 });
    expect(readdirSync(dir)).toEqual([`${key}.json`]);
  });

  it("treats a missing, corrupt or foreign file as no token", async () => {
    const dir = scratch();
    const cache = TokenCache.fromEnvironment({ PULUMI_HELPDESK_TOKEN_CACHE_DIR: dir })!;
    expect(await cache.read(key)).toBeUndefined();
    for (const content of ["{not json", "null", '{"accessToken": 5, "expiresAt": 1}', '{"accessToken": "x"}']) {
      writeFileSync(join(dir, `${key}.json`), content);
      expect(await cache.read(key)).toBeUndefined();
    }
  });

  it("does not fail when the folder cannot be written", async () => {
    const file = join(scratch(), "a-file");
    writeFileSync(file, "");
    const cache = TokenCache.fromEnvironment({ PULUMI_HELPDESK_TOKEN_CACHE_DIR: join(file, "tokens") })!;
    await expect(cache.write(key, token)).resolves.toBeUndefined();
    expect(await cache.read(key)).toBeUndefined();
  });

  it("lives in the user's cache folder unless moved, and is off with PULUMI_HELPDESK_TOKEN_CACHE=off", async () => {
    expect(TokenCache.fromEnvironment({ PULUMI_HELPDESK_TOKEN_CACHE: "off", PULUMI_HELPDESK_TOKEN_CACHE_DIR: scratch() })).toBeUndefined();
    const home = scratch();
    await TokenCache.fromEnvironment({ XDG_CACHE_HOME: home })!.write(key, token);
    expect(readdirSync(join(home, "pulumi-helpdesk", "tokens"))).toEqual([`${key}.json`]);
  });
});
