import { Settings } from "../core/settings";
import { ChatwootClient } from "./client";
import { ChatwootConnection } from "./connection";
import { LiveAgent, LiveCustomRole, LiveProfile } from "./live";
import { Listing } from "./listing";

/**
 * One Chatwoot account as every resource kind of a provider process sees it through one token: one client (one
 * limiter: rack-attack counts per client IP), the account's agents and custom roles, and the token's own profile.
 */
export interface ChatwootAccount {
  /** "http://host" + account id: names the account in claims and messages; holds no secret. */
  label: string;
  accountId: number;
  client: ChatwootClient;
  agents: Listing<LiveAgent>;
  customRoles: Listing<LiveCustomRole>;
  /** The token's user, read once: whether it administers the account decides what this token may write. */
  self(): Promise<LiveProfile>;
  /** After a profile write or a fresh read: what self() answers from now on. */
  selfSeen(profile: LiveProfile): void;
}

const accounts = new Map<string, ChatwootAccount>();

export function chatwootAccount(settings: Settings, connectionName?: string): ChatwootAccount {
  const connection = new ChatwootConnection(settings, connectionName);
  const fingerprint = connection.fingerprint();
  let account = accounts.get(fingerprint);
  if (!account) {
    const client = ChatwootClient.for(connection);
    let self: Promise<LiveProfile> | undefined;
    account = {
      label: `${connection.apiBaseUrl()}/app/accounts/${connection.accountId()}`,
      accountId: connection.accountId(),
      client,
      agents: new Listing(() => client.listAgents()),
      customRoles: new Listing(() => client.listCustomRoles()),
      self: () => (self ??= client.getProfile().catch((error) => ((self = undefined), Promise.reject(error)))),
      selfSeen: (profile) => void (self = Promise.resolve(profile)),
    };
    accounts.set(fingerprint, account);
  }
  return account;
}

/**
 * Why this token cannot do administrator work in the account, or undefined when it can. Chatwoot answers such writes
 * with 401 "You are not authorized to do this action", which reads like a bad token; this says what is wrong.
 */
export async function notAdministratorReason(account: ChatwootAccount, what: string): Promise<string | undefined> {
  const self = await account.self();
  const membership = self.accounts.find((a) => a.id === account.accountId);
  if (!membership) return `the access token's user (${self.email}) is not a member of account ${account.accountId} (${account.label}); ${what} needs an administrator's access token of that account`;
  if (membership.role !== "administrator") {
    return `the access token belongs to ${self.email}, a${membership.role === "agent" ? "n agent" : ` ${membership.role}`} of account ${account.accountId}; ${what} needs an administrator's access token (Chatwoot answers 401 to anyone else)`;
  }
  return undefined;
}
