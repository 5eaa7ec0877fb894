import { Settings } from "../core/settings";
import { ZohoConnection } from "../zoho/connection";
import { ZohoDeskClient } from "./client";
import { ProfileDirectory } from "./profile-directory";

/**
 * One Zoho Desk org as every resource kind of a provider process sees it: one client (so one rate and
 * concurrency limiter for the org, whose limits are per org) and one profile listing, kept current by every
 * kind's writes.
 */
export interface DeskAccount {
  orgId: string;
  client: ZohoDeskClient;
  profiles: ProfileDirectory;
}

const accounts = new Map<string, DeskAccount>();

/** The Desk org of the named connection (the default one when unnamed). */
export function deskAccount(settings: Settings, connectionName?: string): DeskAccount {
  const connection = new ZohoConnection(settings, connectionName);
  const orgId = connection.deskOrgId();
  const key = connection.fingerprint(connection.deskApiBaseUrl(), orgId);
  let account = accounts.get(key);
  if (!account) {
    const client = ZohoDeskClient.for(connection);
    account = { orgId, client, profiles: new ProfileDirectory(client) };
    accounts.set(key, account);
  }
  return account;
}
