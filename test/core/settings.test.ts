import { describe, expect, it } from "vitest";
import { InvalidSettingError, MissingSettingError } from "../../provider/core/errors";
import { SettingSpec, Settings } from "../../provider/core/settings";

const baseUrl: SettingSpec = { configKey: "helpdesk:apiBaseUrl", envVar: "API_BASE_URL", default: "https://api.example.com/v1", format: "http-url" };
const orgId: SettingSpec = { configKey: "helpdesk:orgId", envVar: "ORG_ID" };
const secret: SettingSpec = { configKey: "helpdesk:refreshToken", envVar: "REFRESH_TOKEN", secret: true };

const fromEnv = (env: Record<string, string>) => new Settings(() => undefined, env);
const failure = (read: () => unknown): Error => {
  try {
    read();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected the setting to be refused");
};

describe("Settings", () => {
  it("takes Pulumi config over the environment, and the default when neither is set", () => {
    expect(new Settings((key) => (key === "helpdesk:orgId" ? "from-config" : undefined), { ORG_ID: "from-env" }).get(orgId)).toBe("from-config");
    expect(fromEnv({ ORG_ID: "from-env" }).get(orgId)).toBe("from-env");
    expect(fromEnv({}).get(baseUrl)).toBe("https://api.example.com/v1");
    expect(failure(() => fromEnv({}).require(orgId))).toBeInstanceOf(MissingSettingError);
  });

  it("refuses a URL setting that is not an absolute http(s) URL, naming the config key, the variable and the value", () => {
    for (const value of ["not a url", "desk.zoho.com/api/v1"]) {
      const error = failure(() => fromEnv({ API_BASE_URL: value }).get(baseUrl));
      expect(error).toBeInstanceOf(InvalidSettingError);
      expect(error.message).toBe(
        `invalid setting: Pulumi config 'helpdesk:apiBaseUrl' / environment variable API_BASE_URL: the value ${JSON.stringify(value)} ` +
          "is not an absolute URL (expected e.g. https://host/path).",
      );
    }
    expect(failure(() => fromEnv({ API_BASE_URL: "ftp://files.example.com" }).get(baseUrl)).message).toContain("has the scheme ftp: where https: (or http:) is needed");
    expect(fromEnv({ API_BASE_URL: "http://127.0.0.1:8080/api/v1" }).get(baseUrl)).toBe("http://127.0.0.1:8080/api/v1");
  });

  it("refuses a line break or other control character in any setting", () => {
    for (const value of ["60012345678\n", "600\r\n123", "600\t123", "600\u0000", "600\u007f"]) {
      const error = failure(() => fromEnv({ ORG_ID: value }).require(orgId));
      expect(error).toBeInstanceOf(InvalidSettingError);
      expect(error.message).toContain("Pulumi config 'helpdesk:orgId' / environment variable ORG_ID");
      expect(error.message).toContain("contains a line break or other control character");
    }
    expect(failure(() => new Settings(() => "https://x.example.com\n").get(baseUrl))).toBeInstanceOf(InvalidSettingError);
  });

  it("never shows a secret's value, only the rule it breaks", () => {
    const error = failure(() => fromEnv({ REFRESH_TOKEN: "1000.abcdef\n" }).require(secret));
    expect(error.message).toBe(
      "invalid setting: Pulumi config 'helpdesk:refreshToken' / environment variable REFRESH_TOKEN: the value (a secret, not shown) " +
        "contains a line break or other control character.",
    );
    expect(error.message).not.toContain("abcdef");
  });
});
