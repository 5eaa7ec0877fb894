import { createHash } from "crypto";
import { z } from "zod";
import { CONNECTION_NAME } from "../zoho/connection";
import { SettingSpec, Settings } from "../core/settings";

/** Chatwoot Cloud's application origin; self-hosted installs and white labels (Omnivibe) set their own. */
export const CHATWOOT_CLOUD_URL = "https://app.chatwoot.com";

interface ChatwootSettingSpec extends Omit<SettingSpec, "configKey" | "envVar"> {
  /** "ApiBaseUrl" → helpdesk:chatwootApiBaseUrl; connection "omnivibe" → helpdesk:chatwootOmnivibeApiBaseUrl. */
  config: string;
  /** "API_BASE_URL" → CHATWOOT_API_BASE_URL; connection "omnivibe" → CHATWOOT_OMNIVIBE_API_BASE_URL. */
  env: string;
}

const chatwootSettings = {
  apiBaseUrl: {
    config: "ApiBaseUrl",
    env: "API_BASE_URL",
    format: "http-url",
    hint: `The install's address without /api/v1 (default ${CHATWOOT_CLOUD_URL}; Omnivibe: https://app.omnivibe.com.br).`,
  },
  apiAccessToken: {
    config: "ApiAccessToken",
    env: "API_ACCESS_TOKEN",
    secret: true,
    hint: "The access token on the Profile Settings page of an administrator of the account.",
  },
  accountId: {
    config: "AccountId",
    env: "ACCOUNT_ID",
    hint: "The number after /app/accounts/ in the address bar of the Chatwoot dashboard.",
    rule: (value) => (/^[1-9][0-9]{0,18}$/.test(value) ? undefined : "is not an account id (a positive whole number, as in /app/accounts/1)"),
  },
} satisfies Record<string, ChatwootSettingSpec>;

export type ChatwootSettingName = keyof typeof chatwootSettings;

/** The config key and variable of a setting for a connection ("omnivibe" → helpdesk:chatwootOmnivibeApiAccessToken). */
export function chatwootSetting(setting: ChatwootSettingName, connection?: string): SettingSpec {
  const { config, env, ...rest } = chatwootSettings[setting] as ChatwootSettingSpec;
  const configPart = connection ? connection[0].toUpperCase() + connection.slice(1) : "";
  const envPart = connection ? `${connection.toUpperCase()}_` : "";
  const named = connection ? ` (connection '${connection}')` : "";
  return { ...rest, configKey: `helpdesk:chatwoot${configPart}${config}`, envVar: `CHATWOOT_${envPart}${env}`, hint: `${rest.hint ?? ""}${named}` };
}

/** One Chatwoot account (an install, a token, an account id), read from the settings of a connection when asked. */
export class ChatwootConnection {
  constructor(private readonly settings: Settings, readonly name?: string) {}

  apiBaseUrl(): string {
    return (this.settings.get(chatwootSetting("apiBaseUrl", this.name)) ?? CHATWOOT_CLOUD_URL).replace(/\/+$/, "");
  }

  accessToken(): string {
    return this.settings.require(chatwootSetting("apiAccessToken", this.name));
  }

  accountId(): number {
    return Number(this.settings.require(chatwootSetting("accountId", this.name)));
  }

  /** A digest of the install, token and account: one client and one set of listings per account and token. */
  fingerprint(): string {
    return createHash("sha256").update([this.apiBaseUrl(), this.accessToken(), String(this.accountId())].join("\n")).digest("hex");
  }
}

/** The `connection` argument of every Chatwoot resource. */
export const chatwootConnectionArgument = z
  .string()
  .regex(CONNECTION_NAME, "connection must be 1-32 letters and digits, starting with a letter (it becomes part of setting names: omnivibe reads CHATWOOT_OMNIVIBE_API_ACCESS_TOKEN)")
  .optional()
  .describe(
    "The Chatwoot install and account this resource lives in, by connection name: connection 'omnivibe' reads helpdesk:chatwootOmnivibeApiBaseUrl / " +
      "CHATWOOT_OMNIVIBE_API_BASE_URL, helpdesk:chatwootOmnivibeApiAccessToken / CHATWOOT_OMNIVIBE_API_ACCESS_TOKEN and helpdesk:chatwootOmnivibeAccountId / " +
      "CHATWOOT_OMNIVIBE_ACCOUNT_ID. Omit it for the default connection. Fixed at creation.",
  );
