import { systemClock, type Clock } from "./core/clock";
import type { VendorPiece } from "./core/piece";
import { startChatwootSandbox, type ChatwootEnv, type ChatwootSandbox, type ChatwootSandboxOptions, type OmnivibeEnv } from "./chatwoot";
import { startImichatSandbox, type ImichatEnv, type ImichatSandbox, type ImichatSandboxOptions } from "./imichat";
import { startTeamworkDeskSandbox, type TeamworkDeskEnv, type TeamworkDeskSandbox, type TeamworkDeskSandboxOptions } from "./teamwork-desk";
import { startZohoAccountsPiece, type ZohoAccountsPiece, type ZohoAccountsPieceOptions, type ZohoDataCentre } from "./zoho-accounts";
import { startZohoCrmSandbox, type ZohoCrmSandbox, type ZohoCrmSandboxOptions } from "./zoho-crm";
import { startZohoDeskSandbox, type ZohoDeskEnv, type ZohoDeskSandbox, type ZohoDeskSandboxOptions } from "./zoho-desk";

export { ManualClock, systemClock, type Clock } from "./core/clock";
export type { FaultSpec } from "./core/faults";
export type { PieceFaults, VendorPiece } from "./core/piece";
export type { RecordedRequest } from "./core/recorder";
export type { ZohoDeskEnv, ZohoDeskSandbox, ZohoDeskSandboxOptions } from "./zoho-desk";
export type { ZohoDeskAdmin, PublicAgent } from "./zoho-desk/admin";
export type { Profile } from "./zoho-desk/seed";
export type { ZohoAccountsAdmin, ZohoAccountsFaultSpec, ZohoAccountsPiece, ZohoAccountsPieceOptions, ZohoDataCentre } from "./zoho-accounts";
export type {
  CrmPermissionInfo, CrmUser, WirePermission, WireProfile, WireProfileSummary,
  ZohoCrmAdmin, ZohoCrmFaultSpec, ZohoCrmOrg, ZohoCrmSandbox, ZohoCrmSandboxOptions,
} from "./zoho-crm";
export type {
  ChatwootAccount, ChatwootAccountUser, ChatwootAdmin, ChatwootBrand, ChatwootCustomRole, ChatwootEnv, ChatwootSandbox,
  ChatwootSandboxOptions, ChatwootUser, OmnivibeEnv,
} from "./chatwoot";
export { CUSTOM_ROLE_PERMISSIONS, startChatwootSandbox } from "./chatwoot";
export type {
  TeamworkDeskAdmin, TeamworkDeskEnv, TeamworkDeskSandbox, TeamworkDeskSandboxOptions, TeamworkDeskUser, TeamworkDeskUserChanges,
} from "./teamwork-desk";
export { startTeamworkDeskSandbox } from "./teamwork-desk";
export type {
  ImichatAdmin, ImichatCustomAttributeDefinition, ImichatEnv, ImichatPrivilege, ImichatSandbox, ImichatSandboxOptions, ImichatUser,
} from "./imichat";
export { startImichatSandbox } from "./imichat";
export { startZohoAccountsPiece } from "./zoho-accounts";
export { startZohoCrmSandbox } from "./zoho-crm";
export { startZohoDeskSandbox } from "./zoho-desk";

/**
 * The vendor pieces startSandbox can start (the Zoho accounts piece always comes along). "omnivibe" is a second
 * Chatwoot install under Omnivibe's name (a Chatwoot white-label: same API, its own hosts and tokens).
 */
export type VendorName = "zohoDesk" | "zohoCrm" | "chatwoot" | "omnivibe" | "teamworkDesk" | "imichat";
export const VENDORS: readonly VendorName[] = ["zohoDesk", "zohoCrm", "chatwoot", "omnivibe", "teamworkDesk", "imichat"];

interface Pieces {
  zohoDesk: ZohoDeskSandbox;
  zohoCrm: ZohoCrmSandbox;
  chatwoot: ChatwootSandbox;
  omnivibe: ChatwootSandbox;
  teamworkDesk: TeamworkDeskSandbox;
  imichat: ImichatSandbox;
}

export interface SandboxOptions<V extends VendorName = VendorName> {
  /** Vendors to start (default: every vendor in VENDORS). */
  vendors?: readonly V[];
  /** Time source for every piece that is not given its own (tokens, rate windows, timestamps). */
  clock?: Clock;
  /** The shared Zoho accounts piece (ports, token lifetime, refresh cap). */
  zohoAccounts?: Omit<ZohoAccountsPieceOptions, "dataCentres" | "clock">;
  /**
   * Desk options. Its accountsPort / tokenTtlSeconds / tokenRefreshesPer10Minutes / clock configure the shared
   * accounts piece unless `zohoAccounts` says otherwise (they did so when Desk owned the accounts server).
   */
  zohoDesk?: ZohoDeskSandboxOptions;
  zohoCrm?: ZohoCrmSandboxOptions;
  /** The Chatwoot piece (ports, rack-attack limit, latency). */
  chatwoot?: Omit<ChatwootSandboxOptions, "brand">;
  /** The Omnivibe piece: a Chatwoot install of its own. */
  omnivibe?: Omit<ChatwootSandboxOptions, "brand">;
  /** The Teamwork Desk piece (port, per-minute limit: 120 by default). */
  teamworkDesk?: TeamworkDeskSandboxOptions;
  /** The IMIchat (Webex Engage) piece (port, daily quota: 10,000 by default, token lifetime). */
  imichat?: ImichatSandboxOptions;
}

/** The shared accounts piece's variables: .com under the historical names, .eu as ZOHO_EU_* (when a vendor uses it). */
export interface ZohoAccountsEnv {
  ZOHO_ACCOUNTS_URL: string;
  ZOHO_CLIENT_ID: string;
  ZOHO_CLIENT_SECRET: string;
  ZOHO_REFRESH_TOKEN: string;
}

export interface ZohoCrmFullEnv {
  /** e.g. http://127.0.0.1:PORT/crm/v8 (the .com org) */
  ZOHO_CRM_API_BASE_URL: string;
  /** The .eu org's API base URL; its tokens come from ZOHO_EU_ACCOUNTS_URL with the ZOHO_EU_* credentials. */
  ZOHO_CRM_EU_API_BASE_URL: string;
  ZOHO_EU_ACCOUNTS_URL: string;
  ZOHO_EU_CLIENT_ID: string;
  ZOHO_EU_CLIENT_SECRET: string;
  ZOHO_EU_REFRESH_TOKEN: string;
}

/** Merged environment of the started vendors. */
export type EnvOf<V extends VendorName> = ZohoAccountsEnv &
  ("zohoDesk" extends V ? ZohoDeskEnv : unknown) &
  ("zohoCrm" extends V ? ZohoCrmFullEnv : unknown) &
  ("chatwoot" extends V ? ChatwootEnv : unknown) &
  ("omnivibe" extends V ? OmnivibeEnv : unknown) &
  ("teamworkDesk" extends V ? TeamworkDeskEnv : unknown) &
  ("imichat" extends V ? ImichatEnv : unknown) &
  Record<string, string>;

/** Environment variables that point the provider at the sandbox (every vendor). */
export type SandboxEnv = EnvOf<VendorName>;

/** What the sandbox command prints: each vendor's URLs, then the merged env. */
export interface SandboxSummary {
  zohoDesk?: { apiBaseUrl: string; accountsUrl: string; orgId: string };
  zohoCrm?: Partial<Record<ZohoDataCentre, { apiBaseUrl: string; accountsUrl: string; orgId: string }>>;
  zohoAccounts: Partial<Record<ZohoDataCentre, string>>;
  chatwoot?: ChatwootSummary;
  omnivibe?: ChatwootSummary;
  teamworkDesk?: { baseUrl: string; apiBaseUrl: string };
  imichat?: { baseUrl: string; apiBaseUrl: string; teamId: number };
  env: Record<string, string>;
}

export interface ChatwootSummary { apiBaseUrl: string; platformBaseUrl: string; accountId: number }

export type Sandbox<V extends VendorName = VendorName> = { [K in V]: Pieces[K] } & {
  /** The Zoho OAuth servers (one per data centre), shared by the Zoho pieces. */
  zohoAccounts: ZohoAccountsPiece;
  vendors: V[];
  /** Every started piece, accounts first. */
  pieces: VendorPiece[];
  env: EnvOf<V>;
  summary(): SandboxSummary;
  close(): Promise<void>;
};

/**
 * Start vendor sandboxes on 127.0.0.1: `startSandbox()` starts every vendor, `startSandbox({ vendors: ["zohoDesk"] })`
 * a subset. The Zoho pieces share one accounts piece (one refresh token, with scopes, valid for Desk and CRM); the
 * Chatwoot and Omnivibe pieces are two independent Chatwoot installs (application and platform origins each); Teamwork
 * Desk (one site) and IMIchat (one tenant) are one origin each. Their environments are merged into `env`.
 */
export async function startSandbox<V extends VendorName = VendorName>(options: SandboxOptions<V> = {}): Promise<Sandbox<V>> {
  const vendors = (options.vendors ? VENDORS.filter((v) => options.vendors!.includes(v as V)) : [...VENDORS]) as V[];
  for (const v of options.vendors ?? []) if (!VENDORS.includes(v)) throw new Error(`sandbox: unknown vendor ${String(v)} (known: ${VENDORS.join(", ")})`);
  const want = (v: VendorName) => (vendors as VendorName[]).includes(v);
  const desk = options.zohoDesk ?? {};
  const crm = options.zohoCrm ?? {};
  const clock = options.clock ?? desk.clock ?? crm.clock ?? systemClock;
  const crmDataCentres = crm.dataCentres && crm.dataCentres.length > 0 ? crm.dataCentres : (["com", "eu"] as ZohoDataCentre[]);
  const dataCentres: ZohoDataCentre[] = want("zohoCrm") ? [...new Set<ZohoDataCentre>(["com", ...crmDataCentres])] : ["com"];

  const a = options.zohoAccounts ?? {};
  const accounts = await startZohoAccountsPiece({
    dataCentres,
    port: a.port ?? desk.accountsPort ?? crm.accountsPort,
    euPort: a.euPort ?? crm.euAccountsPort,
    tokenTtlSeconds: a.tokenTtlSeconds ?? desk.tokenTtlSeconds ?? crm.tokenTtlSeconds,
    tokenRefreshesPer10Minutes: a.tokenRefreshesPer10Minutes ?? desk.tokenRefreshesPer10Minutes,
    clock,
  });
  const started: Partial<Pieces> = {};
  try {
    if (want("zohoCrm")) started.zohoCrm = await startZohoCrmSandbox({ ...crm, clock: crm.clock ?? clock }, { accounts });
    if (want("zohoDesk")) started.zohoDesk = await startZohoDeskSandbox({ ...desk, clock: desk.clock ?? clock }, { accounts });
    for (const brand of ["chatwoot", "omnivibe"] as const) {
      const o = options[brand] ?? {};
      if (want(brand)) started[brand] = await startChatwootSandbox({ ...o, brand, clock: o.clock ?? clock });
    }
    const tw = options.teamworkDesk ?? {};
    if (want("teamworkDesk")) started.teamworkDesk = await startTeamworkDeskSandbox({ ...tw, clock: tw.clock ?? clock });
    const imi = options.imichat ?? {};
    if (want("imichat")) started.imichat = await startImichatSandbox({ ...imi, clock: imi.clock ?? clock });
  } catch (err) {
    await Promise.all(Object.values(started).map((p) => p.close()));
    await accounts.close();
    throw err;
  }

  const pieces: VendorPiece[] = [accounts, ...(vendors as VendorName[]).map((v) => started[v]!)];
  const env = Object.assign({}, ...pieces.map((p) => p.env)) as EnvOf<V>;
  const summary = (): SandboxSummary => {
    const out: SandboxSummary = { zohoAccounts: {}, env: { ...env } };
    if (started.zohoDesk) {
      const { apiBaseUrl, accountsUrl, orgId } = started.zohoDesk;
      out.zohoDesk = { apiBaseUrl, accountsUrl, orgId };
    }
    if (started.zohoCrm) {
      out.zohoCrm = {};
      for (const [dc, o] of Object.entries(started.zohoCrm.orgs)) out.zohoCrm[dc as ZohoDataCentre] = { apiBaseUrl: o.apiBaseUrl, accountsUrl: o.accountsUrl, orgId: o.orgId };
    }
    for (const dc of accounts.dataCentres) out.zohoAccounts[dc] = accounts.url(dc);
    for (const brand of ["chatwoot", "omnivibe"] as const) {
      const c = started[brand];
      if (c) out[brand] = { apiBaseUrl: c.apiBaseUrl, platformBaseUrl: c.platformBaseUrl, accountId: c.accountId };
    }
    if (started.teamworkDesk) out.teamworkDesk = { baseUrl: started.teamworkDesk.baseUrl, apiBaseUrl: started.teamworkDesk.apiBaseUrl };
    if (started.imichat) out.imichat = { baseUrl: started.imichat.baseUrl, apiBaseUrl: started.imichat.apiBaseUrl, teamId: started.imichat.teamIds.support };
    // Keys in this order: zohoDesk first, as the line always began.
    return {
      ...(out.zohoDesk ? { zohoDesk: out.zohoDesk } : {}), ...(out.zohoCrm ? { zohoCrm: out.zohoCrm } : {}), zohoAccounts: out.zohoAccounts,
      ...(out.chatwoot ? { chatwoot: out.chatwoot } : {}), ...(out.omnivibe ? { omnivibe: out.omnivibe } : {}),
      ...(out.teamworkDesk ? { teamworkDesk: out.teamworkDesk } : {}), ...(out.imichat ? { imichat: out.imichat } : {}), env: out.env,
    };
  };
  return {
    ...(started as Pick<Pieces, V>),
    zohoAccounts: accounts,
    vendors,
    pieces,
    env,
    summary,
    close: async () => {
      await Promise.all(Object.values(started).map((p) => p.close()));
      await accounts.close();
    },
  } as Sandbox<V>;
}
