import { createHash } from "crypto";
import { z } from "zod";
import { SettingSpec, Settings } from "../core/settings";
import { CONNECTION_NAME } from "../zoho/connection";

interface ImichatSettingSpec extends Omit<SettingSpec, "configKey" | "envVar"> {
  /** "ApiKey" → helpdesk:imichatApiKey; connection "emea" → helpdesk:imichatEmeaApiKey. */
  config: string;
  /** "API_KEY" → IMICHAT_API_KEY; connection "emea" → IMICHAT_EMEA_API_KEY. */
  env: string;
}

const imichatSettings = {
  baseUrl: {
    config: "BaseUrl",
    env: "BASE_URL",
    format: "http-url",
    hint: "Your tenant's address, as https://<subdomain>.imi.chat (without /v3.1).",
  },
  apiKey: { config: "ApiKey", env: "API_KEY", secret: true, hint: "The API key of the tenant (admin console, API settings)." },
  domain: { config: "Domain", env: "DOMAIN", hint: "The domain name that goes with the API key (the part after @ in the /authorize key)." },
  teamId: {
    config: "TeamId",
    env: "TEAM_ID",
    hint: "The id of the team whose users this connection manages (IMIchat shows a user only to its teams).",
    rule: (value) => (/^[1-9][0-9]{0,18}$/.test(value) ? undefined : "is not a team id (a positive whole number)"),
  },
} satisfies Record<string, ImichatSettingSpec>;

export type ImichatSettingName = keyof typeof imichatSettings;

/** The config key and variable of a setting for a connection ("emea" → helpdesk:imichatEmeaApiKey, IMICHAT_EMEA_API_KEY). */
export function imichatSetting(setting: ImichatSettingName, connection?: string): SettingSpec {
  const { config, env, ...rest } = imichatSettings[setting] as ImichatSettingSpec;
  const configPart = connection ? connection[0].toUpperCase() + connection.slice(1) : "";
  const envPart = connection ? `${connection.toUpperCase()}_` : "";
  const named = connection ? ` (connection '${connection}')` : "";
  return { ...rest, configKey: `helpdesk:imichat${configPart}${config}`, envVar: `IMICHAT_${envPart}${env}`, hint: `${rest.hint ?? ""}${named}` };
}

/** One IMIchat tenant and team, read from the settings of a connection when asked. */
export class ImichatConnection {
  constructor(private readonly settings: Settings, readonly name?: string) {}

  baseUrl(): string {
    return this.settings.require(imichatSetting("baseUrl", this.name)).replace(/\/+$/, "");
  }

  apiKey(): string {
    return this.settings.require(imichatSetting("apiKey", this.name));
  }

  domain(): string {
    return this.settings.require(imichatSetting("domain", this.name));
  }

  teamId(): number {
    return Number(this.settings.require(imichatSetting("teamId", this.name)));
  }

  /** How a message names a setting: "helpdesk:imichatTeamId / IMICHAT_TEAM_ID". */
  settingName(setting: ImichatSettingName): string {
    const spec = imichatSetting(setting, this.name);
    return `${spec.configKey} / ${spec.envVar}`;
  }

  /** A digest of tenant, key and team: one client and one listing per team. */
  fingerprint(): string {
    return createHash("sha256").update([this.baseUrl(), this.apiKey(), this.domain(), String(this.teamId())].join("\n")).digest("hex");
  }
}

/** The `connection` argument of every IMIchat resource. */
export const imichatConnectionArgument = z
  .string()
  .regex(CONNECTION_NAME, "connection must be 1-32 letters and digits, starting with a letter (it becomes part of setting names: emea reads IMICHAT_EMEA_API_KEY)")
  .optional()
  .describe(
    "The IMIchat tenant and team this resource lives in, by connection name: connection 'emea' reads helpdesk:imichatEmeaBaseUrl / IMICHAT_EMEA_BASE_URL, " +
      "helpdesk:imichatEmeaApiKey / IMICHAT_EMEA_API_KEY, helpdesk:imichatEmeaDomain / IMICHAT_EMEA_DOMAIN and helpdesk:imichatEmeaTeamId / IMICHAT_EMEA_TEAM_ID. " +
      "Omit it for the default connection. Fixed at creation.",
  );
