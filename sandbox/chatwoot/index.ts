import { systemClock, type Clock } from "../core/clock";
import { FaultInjector } from "../core/faults";
import { startHttpServer, type RunningServer } from "../core/http-server";
import type { VendorPiece } from "../core/piece";
import { Recorder } from "../core/recorder";
import { Router } from "../core/router";
import { chatwootAdminRouter, createChatwootAdmin, type ChatwootAdmin } from "./admin";
import { addAgentRoutes } from "./agent-routes";
import { API_PATH, PLATFORM_PATH } from "./auth";
import { addCustomRoleRoutes } from "./custom-role-routes";
import * as E from "./errors";
import { platformRouter } from "./platform-routes";
import { addProfileRoutes } from "./profile-routes";
import { RACK_ATTACK_DEFAULT_LIMIT, RackAttackThrottle } from "./rate-limit";
import { ACCOUNT_IDS, SEED_PASSWORD, USER_IDS, type Brand } from "./seed";
import { ChatwootStore } from "./store";

export type { ChatwootAdmin } from "./admin";
export type { Account as ChatwootAccount, AccountUser as ChatwootAccountUser, CustomRole as ChatwootCustomRole, User as ChatwootUser } from "./store";
export { CUSTOM_ROLE_PERMISSIONS, type Brand as ChatwootBrand } from "./seed";

export interface ChatwootSandboxOptions {
  /**
   * "omnivibe": the same API as a white-label install, with its own tokens and its CHATWOOT_OMNIVIBE_* variables (the
   * names the provider reads for `connection: "omnivibe"`).
   */
  brand?: Brand;
  /** Port of the application API (0 = any free port). */
  port?: number;
  /** Port of the platform API, a host of its own (0 = any free port). */
  platformPort?: number;
  /** rack-attack `req/ip` limit per minute (RACK_ATTACK_LIMIT, default 3000; 0 = off, as ENABLE_RACK_ATTACK=false). */
  rateLimitPerMinute?: number;
  /** Artificial handling time per API request, ms (default 0). */
  latencyMs?: number;
  clock?: Clock;
}

export interface ChatwootEnv {
  CHATWOOT_API_BASE_URL: string;
  CHATWOOT_API_ACCESS_TOKEN: string;
  CHATWOOT_ACCOUNT_ID: string;
  CHATWOOT_PLATFORM_BASE_URL: string;
  CHATWOOT_PLATFORM_TOKEN: string;
}
export interface OmnivibeEnv {
  CHATWOOT_OMNIVIBE_API_BASE_URL: string;
  CHATWOOT_OMNIVIBE_API_ACCESS_TOKEN: string;
  CHATWOOT_OMNIVIBE_ACCOUNT_ID: string;
  CHATWOOT_OMNIVIBE_PLATFORM_BASE_URL: string;
  CHATWOOT_OMNIVIBE_PLATFORM_TOKEN: string;
}

export interface ChatwootSandbox extends VendorPiece<ChatwootAdmin> {
  readonly name: "chatwoot" | "omnivibe";
  readonly brand: Brand;
  /** The application origin, e.g. http://127.0.0.1:P (paths start with /api/v1); the /__sandbox routes live here too. */
  apiBaseUrl: string;
  /** The platform origin (paths start with /platform/api/v1). */
  platformBaseUrl: string;
  adminUrl: string;
  /** The first account (administrator, agents, custom roles); another active one; a suspended one. */
  accountId: number;
  otherAccountId: number;
  suspendedAccountId: number;
  userIds: typeof USER_IDS;
  /** api_access_token values of the seeded users, and the platform app's. */
  tokens: { administrator: string; agent: string; customRoleAgent: string; otherAdministrator: string; shared: string; platform: string };
  /** Every seeded user's password (for current_password). */
  password: string;
  setLatency(ms: number): void;
}

/** Start one Chatwoot install: the application API and the platform API on two origins, one store, one throttle. */
export async function startChatwootSandbox(options: ChatwootSandboxOptions = {}): Promise<ChatwootSandbox> {
  const brand = options.brand ?? "chatwoot";
  const clock = options.clock ?? systemClock;
  const store = new ChatwootStore(brand, clock);
  const admin = createChatwootAdmin(store);
  const recorder = new Recorder();
  const faults = new FaultInjector([API_PATH, PLATFORM_PATH]);
  const limiter = new RackAttackThrottle(options.rateLimitPerMinute ?? RACK_ATTACK_DEFAULT_LIMIT, clock);
  let latency = options.latencyMs ?? 0;
  let appOrigin = "";

  const app = new Router();
  addProfileRoutes(app, store);
  addAgentRoutes(app, store);
  addCustomRoleRoutes(app, store);

  const serve = (router: Router, port: number | undefined, platform: boolean) =>
    startHttpServer({
      port,
      router,
      adminRouter: chatwootAdminRouter(admin, recorder, (f) => faults.failNext(f)),
      recorder,
      faults,
      faultResponse: (f) => E.faultBody(f.status ?? 500, platform),
      limiter,
      limitResponse: () => E.throttled(),
      latencyMs: () => latency,
      notFound: () => E.routeNotFound(),
      methodNotAllowed: () => E.routeNotFound(),
      payloadTooLarge: () => E.railsPublicError(413),
      internalError: (err) => (err instanceof E.ChatwootError ? err.response : E.internalError()),
    });

  const servers: RunningServer[] = [];
  try {
    servers.push(await serve(app, options.port, false));
    appOrigin = servers[0].origin;
    servers.push(await serve(platformRouter(store, () => appOrigin), options.platformPort, true));
  } catch (err) {
    await Promise.all(servers.map((s) => s.close()));
    throw err;
  }
  const [appServer, platformServer] = servers;
  const token = (id: number) => store.users.get(id)!.accessToken;
  const prefix = brand === "chatwoot" ? "CHATWOOT" : "CHATWOOT_OMNIVIBE";
  const env: Record<string, string> = {
    [`${prefix}_API_BASE_URL`]: appServer.origin,
    [`${prefix}_API_ACCESS_TOKEN`]: token(USER_IDS.admin),
    [`${prefix}_ACCOUNT_ID`]: String(ACCOUNT_IDS.main),
    [`${prefix}_PLATFORM_BASE_URL`]: platformServer.origin,
    [`${prefix}_PLATFORM_TOKEN`]: store.platformToken,
  };

  return {
    name: brand,
    brand,
    baseUrls: { api: appServer.origin, platform: platformServer.origin, admin: appServer.origin },
    env,
    apiBaseUrl: appServer.origin,
    platformBaseUrl: platformServer.origin,
    adminUrl: appServer.origin,
    accountId: ACCOUNT_IDS.main,
    otherAccountId: ACCOUNT_IDS.other,
    suspendedAccountId: ACCOUNT_IDS.suspended,
    userIds: USER_IDS,
    tokens: {
      administrator: token(USER_IDS.admin), agent: token(USER_IDS.agent), customRoleAgent: token(USER_IDS.customRoleAgent),
      otherAdministrator: token(USER_IDS.otherAdmin), shared: token(USER_IDS.shared), platform: store.platformToken,
    },
    password: SEED_PASSWORD,
    admin,
    requests: () => recorder.all(),
    writes: () => recorder.all().filter((r) => r.method !== "GET"),
    clearRequests: () => recorder.clear(),
    faults: { failNext: (spec = {}) => faults.failNext(spec), clear: () => faults.clear() },
    setLatency: (ms) => {
      latency = ms;
    },
    close: async () => {
      await Promise.all(servers.map((s) => s.close()));
    },
  };
}
