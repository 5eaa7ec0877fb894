import { createHash } from "crypto";
import { Settings } from "../core/settings";
import { zohoOAuthSettings } from "../zoho/settings";
import { ZohoDeskClient } from "./client";
import { ProfileDirectory } from "./profile-directory";
import { zohoDeskSettings } from "./settings";

/**
 * One Zoho Desk org as every resource kind of a provider process sees it: one client (so one rate and
 * concurrency limiter for the org, whose limits are per org) and one profile listing, kept current by every
 * kind's writes.
 */
export interface DeskAccount {
  client: ZohoDeskClient;
  profiles: ProfileDirectory;
}

const accounts = new Map<string, DeskAccount>();

export function deskAccount(settings: Settings): DeskAccount {
  const key = createHash("sha256")
    .update([zohoDeskSettings.apiBaseUrl, zohoDeskSettings.orgId, zohoOAuthSettings.accountsUrl, zohoOAuthSettings.clientId, zohoOAuthSettings.refreshToken]
      .map((spec) => settings.get(spec) ?? "")
      .join("\n"))
    .digest("hex");
  let account = accounts.get(key);
  if (!account) {
    const client = ZohoDeskClient.fromSettings(settings);
    account = { client, profiles: new ProfileDirectory(client) };
    accounts.set(key, account);
  }
  return account;
}
