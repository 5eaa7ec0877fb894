import { Settings } from "../core/settings";
import { ImichatClient } from "./client";
import { ImichatConnection } from "./connection";
import { explainImichatError } from "./errors";
import { LiveUser } from "./live";

/**
 * One IMIchat team as every resource of a provider process sees it: one client (one token, one quota reading) and
 * one listing of the team's users, searched once (ten a page) and kept current by our writes.
 */
export class ImichatAccount {
  readonly client: ImichatClient;
  readonly teamId: number;
  /** "<tenant> team <id>": names the team in claims and messages; holds no secret. */
  readonly label: string;
  private users?: Promise<Map<number, LiveUser>>;

  constructor(readonly connection: ImichatConnection) {
    this.client = ImichatClient.for(connection);
    this.teamId = connection.teamId();
    this.label = `${connection.baseUrl()} team ${this.teamId}`;
  }

  private all(): Promise<Map<number, LiveUser>> {
    this.users ??= this.client.listUsers().then(
      (list) => new Map(list.map((u) => [u.id, u])),
      (error) => ((this.users = undefined), Promise.reject(explainImichatError(error, this.connection, { sent: [] }))),
    );
    return this.users;
  }

  /** The team's user with this login id (IMIchat compares them case-insensitively). */
  async byLoginId(loginId: string): Promise<LiveUser | undefined> {
    return [...(await this.all()).values()].find((u) => u.loginId.toLowerCase() === loginId.toLowerCase());
  }

  async byEmail(email: string): Promise<LiveUser | undefined> {
    return [...(await this.all()).values()].find((u) => u.email.toLowerCase() === email.toLowerCase());
  }

  remember(user: LiveUser): void {
    this.users = this.users?.then((map) => new Map(map).set(user.id, user));
  }

  forget(): void {
    this.users = undefined;
  }
}

const accounts = new Map<string, ImichatAccount>();

export function imichatAccount(settings: Settings, connectionName?: string): ImichatAccount {
  const connection = new ImichatConnection(settings, connectionName);
  const fingerprint = connection.fingerprint();
  let account = accounts.get(fingerprint);
  if (!account) {
    account = new ImichatAccount(connection);
    accounts.set(fingerprint, account);
  }
  return account;
}
