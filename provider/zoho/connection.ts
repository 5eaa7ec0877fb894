import { z } from "zod";
import { createHash } from "crypto";
import { RatePace } from "../core/http/pacer";
import { SettingSpec, Settings } from "../core/settings";
import { DEFAULT_DATA_CENTRE, parseDataCentre, ZohoDataCentre, zohoDataCentres } from "./data-centres";
import { ZohoAccessToken } from "./oauth";

/**
 * A connection's name as a resource argument: letters and digits, so it fits a config key and a variable name.
 * The default connection (no `connection` argument) uses the settings without a name in them.
 */
export const CONNECTION_NAME = /^[A-Za-z][A-Za-z0-9]{0,31}$/;

/**
 * One setting of a Zoho connection, named as [prefix, rest] pairs: the connection's name goes between them, so
 * connection "eu" reads helpdesk:zohoEuClientId / ZOHO_EU_CLIENT_ID where the default reads helpdesk:zohoClientId /
 * ZOHO_CLIENT_ID, and helpdesk:zohoCrmEuApiBaseUrl / ZOHO_CRM_EU_API_BASE_URL beside helpdesk:zohoCrmApiBaseUrl.
 */
interface NamedSetting extends Omit<SettingSpec, "configKey" | "envVar"> {
  config: [string, string];
  env: [string, string];
}

const dataCentreNames = Object.keys(zohoDataCentres).join(", ");

function wholeNumberRule(value: string): string | undefined {
  return /^[1-9][0-9]*$/.test(value.trim()) ? undefined : "is not a whole number of requests above zero";
}

const connectionSettings = {
  dataCentre: {
    config: ["zoho", "DataCentre"],
    env: ["ZOHO", "DATA_CENTRE"],
    hint: `One of ${dataCentreNames}: the end of your Zoho address (desk.zoho.eu is eu).`,
    rule: (value) => (parseDataCentre(value) ? undefined : `is not a Zoho data centre (one of ${dataCentreNames})`),
  },
  accountsUrl: {
    config: ["zoho", "AccountsUrl"],
    env: ["ZOHO", "ACCOUNTS_URL"],
    format: "http-url",
    hint: "Normally follows from the data centre; set it only to reach another accounts server.",
  },
  clientId: { config: ["zoho", "ClientId"], env: ["ZOHO", "CLIENT_ID"], hint: "From the Zoho API console (Self Client)." },
  clientSecret: { config: ["zoho", "ClientSecret"], env: ["ZOHO", "CLIENT_SECRET"], secret: true, hint: "From the Zoho API console (Self Client)." },
  refreshToken: {
    config: ["zoho", "RefreshToken"],
    env: ["ZOHO", "REFRESH_TOKEN"],
    secret: true,
    hint: "A refresh token with the scopes of what you manage: Desk.settings.ALL and Desk.basic.READ (Zoho Desk), ZohoCRM.settings.profiles.ALL (Zoho CRM).",
  },
  deskApiBaseUrl: {
    config: ["zohoDesk", "ApiBaseUrl"],
    env: ["ZOHO_DESK", "API_BASE_URL"],
    format: "http-url",
    hint: "Normally follows from the data centre (https://desk.zoho.<dc>/api/v1).",
  },
  deskOrgId: {
    config: ["zohoDesk", "OrgId"],
    env: ["ZOHO_DESK", "ORG_ID"],
    hint: "Zoho Desk: Setup > Developer Space > API shows the orgId. To try things locally, start the sandbox: npm run sandbox.",
  },
  crmApiBaseUrl: {
    config: ["zohoCrm", "ApiBaseUrl"],
    env: ["ZOHO_CRM", "API_BASE_URL"],
    format: "http-url",
    hint: "Normally follows from the data centre (https://www.zohoapis.<dc>/crm/v8).",
  },
  deskRequestsPerMinute: {
    config: ["zohoDesk", "RequestsPerMinute"],
    env: ["ZOHO_DESK", "REQUESTS_PER_MINUTE"],
    hint: "Zoho documents no per-minute limit for Desk; set the one your org meets to pace requests under it.",
    rule: wholeNumberRule,
  },
  crmRequestsPerMinute: {
    config: ["zohoCrm", "RequestsPerMinute"],
    env: ["ZOHO_CRM", "REQUESTS_PER_MINUTE"],
    hint: "Zoho documents no per-minute limit for CRM (credits per day, and concurrency); set the one your org meets.",
    rule: wholeNumberRule,
  },
} satisfies Record<string, NamedSetting>;

export type ZohoSettingName = keyof typeof connectionSettings;

/** The config key and variable of a setting for a connection ("eu" → helpdesk:zohoEuClientId, ZOHO_EU_CLIENT_ID). */
export function zohoSetting(setting: ZohoSettingName, connection?: string): SettingSpec {
  const { config, env, ...rest } = connectionSettings[setting] as NamedSetting;
  const configPart = connection ? connection[0].toUpperCase() + connection.slice(1) : "";
  const envPart = connection ? `_${connection.toUpperCase()}` : "";
  const named = connection ? ` (connection '${connection}')` : "";
  return { ...rest, configKey: `helpdesk:${config[0]}${configPart}${config[1]}`, envVar: `${env[0]}${envPart}_${env[1]}`, hint: `${rest.hint ?? ""}${named}` };
}

/**
 * One Zoho account as a resource sees it: the data centre, the OAuth client and the products' API addresses,
 * read from the settings of the connection the resource names. Values are read when asked for, so a CRM-only
 * program needs no Desk org id.
 */
export class ZohoConnection {
  constructor(private readonly settings: Settings, readonly name?: string) {}

  get label(): string {
    return this.name ? `connection '${this.name}'` : "the default connection";
  }

  dataCentre(): ZohoDataCentre {
    const value = this.settings.get(zohoSetting("dataCentre", this.name));
    return value === undefined ? DEFAULT_DATA_CENTRE : parseDataCentre(value)!;
  }

  accountsUrl(): string {
    return (this.settings.get(zohoSetting("accountsUrl", this.name)) ?? zohoDataCentres[this.dataCentre()].accounts).replace(/\/+$/, "");
  }

  deskApiBaseUrl(): string {
    return this.settings.get(zohoSetting("deskApiBaseUrl", this.name)) ?? `${zohoDataCentres[this.dataCentre()].desk}/api/v1`;
  }

  deskOrgId(): string {
    return this.settings.require(zohoSetting("deskOrgId", this.name));
  }

  crmApiBaseUrl(): string {
    return this.settings.get(zohoSetting("crmApiBaseUrl", this.name)) ?? `${zohoDataCentres[this.dataCentre()].crm}/crm/v8`;
  }

  /**
   * The pace to keep to, when the org's per-minute limit is configured. Zoho documents none for Desk or CRM, so
   * without it the transport learns the limit from the first 429.
   */
  pace(product: "desk" | "crm"): RatePace | undefined {
    const value = this.settings.get(zohoSetting(product === "desk" ? "deskRequestsPerMinute" : "crmRequestsPerMinute", this.name));
    return value === undefined ? undefined : { requests: Number(value), windowMs: 60_000 };
  }

  /** The access token of this connection's refresh token, shared by every client of the process that uses it. */
  accessToken(userAgent: string): ZohoAccessToken {
    return ZohoAccessToken.for(
      {
        accountsUrl: this.accountsUrl(),
        clientId: this.settings.require(zohoSetting("clientId", this.name)),
        clientSecret: this.settings.require(zohoSetting("clientSecret", this.name)),
        refreshToken: this.settings.require(zohoSetting("refreshToken", this.name)),
      },
      userAgent,
    );
  }

  /** A digest of the account behind these settings and the given product values: one client per account. */
  fingerprint(...productValues: string[]): string {
    const identity = [this.accountsUrl(), this.settings.get(zohoSetting("clientId", this.name)) ?? "", this.settings.get(zohoSetting("refreshToken", this.name)) ?? ""];
    return createHash("sha256").update([...identity, ...productValues].join("\n")).digest("hex");
  }
}

/** The `connection` argument of every Zoho resource. */
export const zohoConnectionArgument = z
  .string()
  .regex(CONNECTION_NAME, "connection must be 1-32 letters and digits, starting with a letter (it becomes part of setting names: eu reads ZOHO_EU_CLIENT_ID)")
  .optional()
  .describe(
    "The Zoho account (org, data centre, credentials) this resource lives in, by connection name: connection 'eu' reads helpdesk:zohoEuDataCentre / ZOHO_EU_DATA_CENTRE, " +
      "helpdesk:zohoEuClientId / ZOHO_EU_CLIENT_ID, helpdesk:zohoDeskEuOrgId / ZOHO_DESK_EU_ORG_ID and so on. Omit it for the default connection. Fixed at creation.",
  );
