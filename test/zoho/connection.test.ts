import { describe, expect, it } from "vitest";
import { InvalidSettingError, MissingSettingError } from "../../provider/core/errors";
import { Settings } from "../../provider/core/settings";
import { ZohoConnection, zohoSetting } from "../../provider/zoho/connection";
import { parseDataCentre, zohoDataCentres } from "../../provider/zoho/data-centres";

const failure = (read: () => unknown): Error => {
  try {
    read();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected the setting to be refused");
};

const connection = (env: Record<string, string>, name?: string, config: Record<string, string> = {}) =>
  new ZohoConnection(new Settings((key) => config[key], env), name);

describe("Zoho connections", () => {
  it("a data centre setting moves every host; without one, the .com hosts", () => {
    const com = connection({});
    expect([com.accountsUrl(), com.deskApiBaseUrl(), com.crmApiBaseUrl()]).toEqual([
      "https://accounts.zoho.com", "https://desk.zoho.com/api/v1", "https://www.zohoapis.com/crm/v8",
    ]);
    const eu = connection({ ZOHO_DATA_CENTRE: "eu" });
    expect([eu.accountsUrl(), eu.deskApiBaseUrl(), eu.crmApiBaseUrl()]).toEqual([
      "https://accounts.zoho.eu", "https://desk.zoho.eu/api/v1", "https://www.zohoapis.eu/crm/v8",
    ]);
    const ca = connection({ ZOHO_DATA_CENTRE: "ca" });
    expect(ca.accountsUrl()).toBe("https://accounts.zohocloud.ca");
    expect(Object.keys(zohoDataCentres)).toEqual(["com", "eu", "in", "com.au", "jp", "ca", "sa", "com.cn"]);
    expect([".com.au", "EU", "zoho.jp"].map(parseDataCentre)).toEqual(["com.au", "eu", "jp"]);
  });

  it("an explicit URL wins over the data centre (the sandbox sets them)", () => {
    const env = { ZOHO_DATA_CENTRE: "eu", ZOHO_CRM_API_BASE_URL: "http://127.0.0.1:1/crm/v8", ZOHO_ACCOUNTS_URL: "http://127.0.0.1:2/" };
    expect(connection(env).crmApiBaseUrl()).toBe("http://127.0.0.1:1/crm/v8");
    expect(connection(env).accountsUrl()).toBe("http://127.0.0.1:2");
    expect(connection(env).deskApiBaseUrl()).toBe("https://desk.zoho.eu/api/v1");
  });

  it("a named connection reads its own settings, config first, and never the default's", () => {
    const env = { ZOHO_DESK_ORG_ID: "1", ZOHO_DESK_EU_ORG_ID: "2", ZOHO_EU_DATA_CENTRE: "eu" };
    expect(connection(env).deskOrgId()).toBe("1");
    expect(connection(env, "eu").deskOrgId()).toBe("2");
    expect(connection(env, "eu", { "helpdesk:zohoDeskEuOrgId": "3" }).deskOrgId()).toBe("3");
    expect(connection(env, "eu").crmApiBaseUrl()).toBe("https://www.zohoapis.eu/crm/v8");
    expect(zohoSetting("crmApiBaseUrl", "eu")).toMatchObject({ configKey: "helpdesk:zohoCrmEuApiBaseUrl", envVar: "ZOHO_CRM_EU_API_BASE_URL" });
    expect(zohoSetting("refreshToken", "staging2")).toMatchObject({ configKey: "helpdesk:zohoStaging2RefreshToken", envVar: "ZOHO_STAGING2_REFRESH_TOKEN", secret: true });
    const missing = failure(() => connection(env, "apac").deskOrgId());
    expect(missing).toBeInstanceOf(MissingSettingError);
    expect(missing.message).toMatch(/helpdesk:zohoDeskApacOrgId.*ZOHO_DESK_APAC_ORG_ID[\s\S]*connection 'apac'/);
  });

  it("an unknown data centre fails at once, naming the setting and the choices", () => {
    const error = failure(() => connection({ ZOHO_EU_DATA_CENTRE: "europe" }, "eu").crmApiBaseUrl());
    expect(error).toBeInstanceOf(InvalidSettingError);
    expect(error.message).toMatch(/helpdesk:zohoEuDataCentre.*ZOHO_EU_DATA_CENTRE/);
    expect(error.message).toMatch(/not a Zoho data centre \(one of com, eu, in, com.au, jp, ca, sa, com.cn\)/);
  });

  it("a configured per-minute limit becomes the pace of that product's requests; a bad one fails naming the setting", () => {
    expect(connection({ ZOHO_DESK_REQUESTS_PER_MINUTE: "600" }).pace("desk")).toEqual({ requests: 600, windowMs: 60_000 });
    expect(connection({ ZOHO_DESK_REQUESTS_PER_MINUTE: "600" }).pace("crm")).toBeUndefined();
    expect(connection({ ZOHO_CRM_EU_REQUESTS_PER_MINUTE: "100" }, "eu").pace("crm")).toEqual({ requests: 100, windowMs: 60_000 });
    const error = failure(() => connection({ ZOHO_DESK_REQUESTS_PER_MINUTE: "fast" }).pace("desk"));
    expect(error.message).toMatch(/ZOHO_DESK_REQUESTS_PER_MINUTE: the value "fast" is not a whole number of requests above zero/);
  });
});
