import { randomBytes } from "node:crypto";
import type { Clock } from "../core/clock";
import {
  SEED_API_KEY, SEED_CUSTOM_ATTRIBUTES, SEED_DOMAIN, SEED_TEAMS, SEED_USERS,
  type CustomAttributeDefinition, type Privilege, type RoleType, type Team, type UserStatus,
} from "./seed";

export interface User {
  id: number;
  first_name: string;
  last_name: string;
  login_id: string;
  email_id: string;
  password: string;
  status: UserStatus;
  logged_in: boolean;
  job_description: string;
  login_using_email: boolean;
  role_type: RoleType;
  accepting_chats: boolean;
  privileges: Privilege[];
  skill_attributes: Record<string, unknown>;
  custom_attributes: Record<string, unknown>;
  active_chats: number;
  created_at: number;
  updated_at: number;
}

/** One tenant: its API key and domain, teams, users, custom attribute definitions and issued access tokens. */
export class ImichatStore {
  readonly apiKey = SEED_API_KEY;
  readonly domain = SEED_DOMAIN;
  readonly teams = new Map<number, Team>();
  readonly users = new Map<number, User>();
  readonly customAttributes = new Map<string, CustomAttributeDefinition>();
  /** access_token → expiry (epoch ms). */
  readonly tokens = new Map<string, number>();
  private nextUserId = 1;

  constructor(private readonly clock: Clock, private readonly tokenTtlMs: number) {
    const now = clock.now();
    for (const t of SEED_TEAMS) this.teams.set(t.id, { ...t });
    for (const d of SEED_CUSTOM_ATTRIBUTES) this.customAttributes.set(d.name, { ...d, options: d.options && [...d.options] });
    for (const u of SEED_USERS) {
      this.users.set(u.id, { ...clone(u), password: "Sandbox#2026pass", logged_in: false, accepting_chats: false, created_at: now, updated_at: now });
      this.nextUserId = Math.max(this.nextUserId, u.id + 1);
    }
  }

  now(): number {
    return this.clock.now();
  }

  issueToken(): string {
    const token = randomBytes(24).toString("hex");
    this.tokens.set(token, this.now() + this.tokenTtlMs);
    return token;
  }

  /** "valid", "expired", or "unknown". */
  tokenState(token: string): "valid" | "expired" | "unknown" {
    const expiry = this.tokens.get(token);
    if (expiry === undefined) return "unknown";
    return this.now() < expiry ? "valid" : "expired";
  }

  expireTokens(): void {
    const now = this.now();
    for (const t of this.tokens.keys()) this.tokens.set(t, now);
  }

  /** A team-level user belongs to a team when one of its privileges names it. */
  inTeam(u: User, teamId: number): boolean {
    return u.privileges.some((p) => p.teamid === teamId);
  }

  byLoginId(loginId: string): User | undefined {
    for (const u of this.users.values()) if (u.login_id.toLowerCase() === loginId.toLowerCase()) return u;
    return undefined;
  }

  byEmail(email: string): User | undefined {
    for (const u of this.users.values()) if (u.email_id.toLowerCase() === email.toLowerCase()) return u;
    return undefined;
  }

  createUser(fields: Omit<User, "id" | "created_at" | "updated_at" | "logged_in" | "accepting_chats" | "role_type" | "status">): User {
    const now = this.now();
    const user: User = { ...clone(fields), id: this.nextUserId++, status: "active", logged_in: false, accepting_chats: false,
      role_type: "Customer Care", created_at: now, updated_at: now };
    this.users.set(user.id, user);
    return user;
  }

  updateUser(user: User, changes: Partial<User>): User {
    Object.assign(user, clone(changes));
    user.updated_at = this.now();
    return user;
  }
}

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}
