import { randomInt } from "node:crypto";
import type { Clock } from "../core/clock";
import {
  PLATFORM_PERMISSIBLE_ACCOUNTS, SEED_ACCOUNTS, SEED_CUSTOM_ROLES, SEED_MEMBERSHIPS, SEED_USERS, seedToken,
  UNLIMITED_AGENTS, type Availability, type Brand, type Role,
} from "./seed";

export interface Account { id: number; name: string; status: "active" | "suspended"; agentLimit: number }
export interface User {
  id: number; name: string; email: string; uid: string; unconfirmedEmail: string | null;
  displayName: string | null; messageSignature: string | null; password: string; confirmed: boolean;
  uiSettings: Record<string, unknown>; customAttributes: Record<string, unknown>;
  accessToken: string; pubsubToken: string; createdAt: number; updatedAt: number;
}
export interface AccountUser {
  id: number; accountId: number; userId: number; role: Role; availability: Availability; autoOffline: boolean;
  customRoleId: number | null; inviterId: number | null; activeAt: number | null; createdAt: number; updatedAt: number;
}
export interface CustomRole {
  id: number; accountId: number; name: string; description: string | null; permissions: string[];
  createdAt: number; updatedAt: number;
}

const BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
/** Rails has_secure_token: 24 base58 characters. */
export function secureToken(): string {
  let s = "";
  for (let i = 0; i < 24; i++) s += BASE58[randomInt(BASE58.length)];
  return s;
}

/**
 * One Chatwoot install: accounts, users, memberships (account_users), enterprise custom roles, and the one platform
 * app with the accounts and users it may manage. Plain data; the rules live in routes and validation.
 */
export class ChatwootStore {
  readonly accounts = new Map<number, Account>();
  readonly users = new Map<number, User>();
  readonly accountUsers = new Map<number, AccountUser>();
  readonly customRoles = new Map<number, CustomRole>();
  readonly platformToken: string;
  readonly permissibleAccounts = new Set<number>();
  readonly permissibleUsers = new Set<number>();
  private nextId = { user: 1, accountUser: 1, customRole: 1 };

  constructor(readonly brand: Brand, private readonly clock: Clock) {
    const now = clock.now();
    for (const a of SEED_ACCOUNTS) this.accounts.set(a.id, { ...a, agentLimit: a.agentLimit ?? UNLIMITED_AGENTS });
    for (const u of SEED_USERS) {
      this.users.set(u.id, {
        id: u.id, name: u.name, email: u.email, uid: u.email, unconfirmedEmail: null, displayName: u.displayName ?? null,
        messageSignature: null, password: u.password, confirmed: true, uiSettings: {}, customAttributes: {},
        accessToken: seedToken(brand, u.tokenTag, "Token"), pubsubToken: seedToken(brand, u.tokenTag, "Pubsub"),
        createdAt: now, updatedAt: now,
      });
      this.nextId.user = Math.max(this.nextId.user, u.id + 1);
    }
    for (const r of SEED_CUSTOM_ROLES) {
      this.customRoles.set(r.id, { ...r, permissions: [...r.permissions], createdAt: now, updatedAt: now });
      this.nextId.customRole = Math.max(this.nextId.customRole, r.id + 1);
    }
    for (const m of SEED_MEMBERSHIPS) {
      this.addMembership({ accountId: m.accountId, userId: m.userId, role: m.role, availability: m.availability,
        autoOffline: m.autoOffline, customRoleId: m.customRoleId ?? null, inviterId: m.inviterId ?? null });
    }
    this.platformToken = seedToken(brand, "App", "Platform");
    for (const id of PLATFORM_PERMISSIBLE_ACCOUNTS) {
      this.permissibleAccounts.add(id);
      for (const m of this.membershipsOfAccount(id)) this.permissibleUsers.add(m.userId);
    }
  }

  now(): number {
    return this.clock.now();
  }

  userByToken(token: string): User | undefined {
    for (const u of this.users.values()) if (u.accessToken === token) return u;
    return undefined;
  }

  /** User.from_email: emails are stored lower-cased. */
  userByEmail(email: string): User | undefined {
    const e = email.toLowerCase();
    for (const u of this.users.values()) if (u.email === e) return u;
    return undefined;
  }

  createUser(input: { name: string; email: string; password: string; confirmed: boolean; displayName?: string | null; customAttributes?: Record<string, unknown> }): User {
    const now = this.now();
    const email = input.email.toLowerCase();
    const user: User = {
      id: this.nextId.user++, name: input.name, email, uid: email, unconfirmedEmail: null, displayName: input.displayName ?? null,
      messageSignature: null, password: input.password, confirmed: input.confirmed, uiSettings: {},
      customAttributes: input.customAttributes ?? {}, accessToken: secureToken(), pubsubToken: secureToken(), createdAt: now, updatedAt: now,
    };
    this.users.set(user.id, user);
    return user;
  }

  deleteUser(id: number): void {
    for (const m of this.membershipsOfUser(id)) this.accountUsers.delete(m.id);
    this.users.delete(id);
    this.permissibleUsers.delete(id);
  }

  addMembership(input: Omit<AccountUser, "id" | "createdAt" | "updatedAt" | "activeAt">): AccountUser {
    const now = this.now();
    const m: AccountUser = { ...input, id: this.nextId.accountUser++, activeAt: null, createdAt: now, updatedAt: now };
    this.accountUsers.set(m.id, m);
    return m;
  }

  membership(accountId: number, userId: number): AccountUser | undefined {
    for (const m of this.accountUsers.values()) if (m.accountId === accountId && m.userId === userId) return m;
    return undefined;
  }

  membershipsOfAccount(accountId: number): AccountUser[] {
    return [...this.accountUsers.values()].filter((m) => m.accountId === accountId);
  }

  membershipsOfUser(userId: number): AccountUser[] {
    return [...this.accountUsers.values()].filter((m) => m.userId === userId);
  }

  /** Users of an account ordered as `order_by_full_name` does: lower(name) ASC (ties: id, Postgres being silent). */
  agentsOf(accountId: number): User[] {
    return this.membershipsOfAccount(accountId)
      .map((m) => this.users.get(m.userId)!)
      .sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : a.name.toLowerCase() > b.name.toLowerCase() ? 1 : a.id - b.id));
  }

  /**
   * User#active_account_user: `account_users.order(active_at: :desc).first`. Postgres puts NULLs first in a
   * descending order, so a membership never made active wins; ties by id.
   */
  activeMembership(userId: number): AccountUser | undefined {
    return this.membershipsOfUser(userId).sort((a, b) => {
      if (a.activeAt === b.activeAt) return a.id - b.id;
      if (a.activeAt === null) return -1;
      if (b.activeAt === null) return 1;
      return b.activeAt - a.activeAt;
    })[0];
  }

  customRolesOf(accountId: number): CustomRole[] {
    return [...this.customRoles.values()].filter((r) => r.accountId === accountId).sort((a, b) => a.id - b.id);
  }

  createCustomRole(input: { accountId: number; name: string; description: string | null; permissions: string[] }): CustomRole {
    const now = this.now();
    const role: CustomRole = { ...input, id: this.nextId.customRole++, createdAt: now, updatedAt: now };
    this.customRoles.set(role.id, role);
    return role;
  }

  /** custom_role has_many :account_users, dependent: :nullify. */
  deleteCustomRole(id: number): void {
    this.customRoles.delete(id);
    for (const m of this.accountUsers.values()) if (m.customRoleId === id) m.customRoleId = null;
  }
}
