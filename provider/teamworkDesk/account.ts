import { Settings } from "../core/settings";
import { TeamworkDeskClient } from "./client";
import { TeamworkDeskConnection } from "./connection";
import { LiveUser } from "./live";

/**
 * One Teamwork Desk site as every resource of a provider process sees it through one API key: one client (one rate
 * window: Teamwork counts per key) and one listing of the site's users, read once and kept current by our writes,
 * so a preview of hundreds of users costs one request.
 */
export class TeamworkDeskAccount {
  readonly client: TeamworkDeskClient;
  /** The site's address: names the site in claims and messages; holds no secret. */
  readonly site: string;
  private users?: Promise<Map<number, LiveUser>>;

  constructor(connection: TeamworkDeskConnection) {
    this.client = TeamworkDeskClient.for(connection);
    this.site = connection.baseUrl();
  }

  private all(): Promise<Map<number, LiveUser>> {
    this.users ??= this.client.listUsers().then(
      (list) => new Map(list.map((u) => [u.id, u])),
      (error) => ((this.users = undefined), Promise.reject(error)),
    );
    return this.users;
  }

  /** The user with this email (Teamwork compares emails case-insensitively), deleted ones included. */
  async byEmail(email: string): Promise<LiveUser | undefined> {
    return [...(await this.all()).values()].find((u) => u.email.toLowerCase() === email.toLowerCase());
  }

  async byId(id: number): Promise<LiveUser | undefined> {
    return (await this.all()).get(id);
  }

  /** After a write: the user as Teamwork answered it. */
  remember(user: LiveUser): void {
    this.users = this.users?.then((map) => new Map(map).set(user.id, user));
  }

  /** After a write whose outcome is unknown: list again on next use. */
  forget(): void {
    this.users = undefined;
  }
}

const accounts = new Map<string, TeamworkDeskAccount>();

export function teamworkDeskAccount(settings: Settings, connectionName?: string): TeamworkDeskAccount {
  const connection = new TeamworkDeskConnection(settings, connectionName);
  const fingerprint = connection.fingerprint();
  let account = accounts.get(fingerprint);
  if (!account) {
    account = new TeamworkDeskAccount(connection);
    accounts.set(fingerprint, account);
  }
  return account;
}
