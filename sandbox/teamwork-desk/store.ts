import type { Clock } from "../core/clock";
import { SEED_INBOXES, SEED_USERS, SITE, type EditMethod, type Inbox, type ReplyRedirect, type Role, type State } from "./seed";

export interface User {
  id: number;
  email: string;
  firstName: string;
  lastName: string;
  role: Role;
  isPartTime: boolean;
  reviewer: boolean;
  autoFollowOnCC: boolean;
  editMethod: EditMethod;
  ticketReplyRedirect: ReplyRedirect;
  sendPushNotifications: boolean;
  sendWebNotifications: boolean;
  timezoneId: number;
  timeFormatId: number;
  isAppOwner: boolean;
  state: State;
  inboxIds: number[];
  apiKey?: string;
  createdAt: number;
  updatedAt: number;
  createdBy: number | null;
  updatedBy: number | null;
  deletedAt: number | null;
  deletedBy: number | null;
}

/** The writable user fields (what validation hands to the store). */
export type UserChanges = Partial<Pick<User, "email" | "firstName" | "lastName" | "role" | "isPartTime" | "reviewer" | "autoFollowOnCC" |
  "editMethod" | "ticketReplyRedirect" | "sendPushNotifications" | "sendWebNotifications" | "timezoneId" | "timeFormatId" | "state">>;

/** One Teamwork Desk site: users (agents) and inboxes. Plain data; rules live in validation and routes. */
export class TeamworkDeskStore {
  readonly users = new Map<number, User>();
  readonly inboxes = new Map<number, Inbox>();
  readonly site = SITE;
  private nextUserId = 1;

  constructor(private readonly clock: Clock) {
    const now = clock.now();
    for (const u of SEED_USERS) {
      this.users.set(u.id, { ...u, inboxIds: [...u.inboxIds], createdAt: now, updatedAt: now, createdBy: null, updatedBy: null,
        deletedAt: u.state === "deleted" ? now : null, deletedBy: null });
      this.nextUserId = Math.max(this.nextUserId, u.id + 1);
    }
    for (const i of SEED_INBOXES) this.inboxes.set(i.id, { ...i });
  }

  now(): number {
    return this.clock.now();
  }

  userByApiKey(key: string): User | undefined {
    for (const u of this.users.values()) if (u.apiKey === key && u.state === "active") return u;
    return undefined;
  }

  /** Emails are unique across the site, deleted users included (the address stays taken). Case-insensitive. */
  userByEmail(email: string): User | undefined {
    const wanted = email.toLowerCase();
    for (const u of this.users.values()) if (u.email.toLowerCase() === wanted) return u;
    return undefined;
  }

  createUser(fields: UserChanges & { email: string; firstName: string }, by: number | null): User {
    const now = this.now();
    const user: User = {
      id: this.nextUserId++, email: fields.email, firstName: fields.firstName, lastName: fields.lastName ?? "", role: fields.role ?? "agent",
      isPartTime: fields.isPartTime ?? false, reviewer: fields.reviewer ?? false, autoFollowOnCC: fields.autoFollowOnCC ?? true,
      editMethod: fields.editMethod ?? "html", ticketReplyRedirect: fields.ticketReplyRedirect ?? "Stay",
      sendPushNotifications: fields.sendPushNotifications ?? true, sendWebNotifications: fields.sendWebNotifications ?? true,
      timezoneId: fields.timezoneId ?? 1, timeFormatId: fields.timeFormatId ?? 1, isAppOwner: false, state: "active", inboxIds: [],
      createdAt: now, updatedAt: now, createdBy: by, updatedBy: by, deletedAt: null, deletedBy: null,
    };
    this.users.set(user.id, user);
    return user;
  }

  /**
   * Apply changes. `updatedAt` moves on any write, except that deleting does not touch it (the seed document: "This
   * field is not updated when the object is deleted").
   */
  updateUser(user: User, changes: UserChanges, by: number | null): User {
    const { state, ...rest } = changes;
    const changed = Object.keys(rest).length > 0;
    Object.assign(user, rest);
    if (state === "deleted" && user.state !== "deleted") {
      user.state = "deleted";
      user.deletedAt = this.now();
      user.deletedBy = by;
    } else if (state === "active" && user.state !== "active") {
      user.state = "active";
      user.deletedAt = null;
      user.deletedBy = null;
      user.updatedAt = this.now();
      user.updatedBy = by;
    }
    if (changed) {
      user.updatedAt = this.now();
      user.updatedBy = by;
    }
    return user;
  }
}
