import { createHash } from "crypto";
import { z } from "zod";
import { SettingSpec, Settings } from "../core/settings";
import { CONNECTION_NAME } from "../zoho/connection";

interface TeamworkDeskSettingSpec extends Omit<SettingSpec, "configKey" | "envVar"> {
  /** "BaseUrl" → helpdesk:teamworkDeskBaseUrl; connection "eu" → helpdesk:teamworkDeskEuBaseUrl. */
  config: string;
  /** "BASE_URL" → TEAMWORK_DESK_BASE_URL; connection "eu" → TEAMWORK_DESK_EU_BASE_URL. */
  env: string;
}

const teamworkDeskSettings = {
  baseUrl: {
    config: "BaseUrl",
    env: "BASE_URL",
    format: "http-url",
    hint: "Your site's address, as https://yoursite.teamwork.com (without /desk/api/v2).",
  },
  apiKey: {
    config: "ApiKey",
    env: "API_KEY",
    secret: true,
    hint: "An administrator's API key: Teamwork Desk, your profile, API key. Agents' keys may read users but not change them.",
  },
} satisfies Record<string, TeamworkDeskSettingSpec>;

export type TeamworkDeskSettingName = keyof typeof teamworkDeskSettings;

/** The config key and variable of a setting for a connection ("eu" → helpdesk:teamworkDeskEuApiKey, TEAMWORK_DESK_EU_API_KEY). */
export function teamworkDeskSetting(setting: TeamworkDeskSettingName, connection?: string): SettingSpec {
  const { config, env, ...rest } = teamworkDeskSettings[setting] as TeamworkDeskSettingSpec;
  const configPart = connection ? connection[0].toUpperCase() + connection.slice(1) : "";
  const envPart = connection ? `${connection.toUpperCase()}_` : "";
  const named = connection ? ` (connection '${connection}')` : "";
  return { ...rest, configKey: `helpdesk:teamworkDesk${configPart}${config}`, envVar: `TEAMWORK_DESK_${envPart}${env}`, hint: `${rest.hint ?? ""}${named}` };
}

/** One Teamwork Desk site and API key, read from the settings of a connection when asked. */
export class TeamworkDeskConnection {
  constructor(private readonly settings: Settings, readonly name?: string) {}

  baseUrl(): string {
    return this.settings.require(teamworkDeskSetting("baseUrl", this.name)).replace(/\/+$/, "");
  }

  apiKey(): string {
    return this.settings.require(teamworkDeskSetting("apiKey", this.name));
  }

  /** A digest of the site and key: one client (one rate window, which Teamwork keeps per key) per site and key. */
  fingerprint(): string {
    return createHash("sha256").update([this.baseUrl(), this.apiKey()].join("\n")).digest("hex");
  }
}

/** The `connection` argument of every Teamwork Desk resource. */
export const teamworkDeskConnectionArgument = z
  .string()
  .regex(CONNECTION_NAME, "connection must be 1-32 letters and digits, starting with a letter (it becomes part of setting names: eu reads TEAMWORK_DESK_EU_API_KEY)")
  .optional()
  .describe(
    "The Teamwork Desk site this resource lives in, by connection name: connection 'eu' reads helpdesk:teamworkDeskEuBaseUrl / TEAMWORK_DESK_EU_BASE_URL " +
      "and helpdesk:teamworkDeskEuApiKey / TEAMWORK_DESK_EU_API_KEY. Omit it for the default connection. Fixed at creation.",
  );
