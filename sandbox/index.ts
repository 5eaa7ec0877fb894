import { startZohoDeskSandbox, type ZohoDeskSandbox, type ZohoDeskSandboxOptions } from "./zoho-desk";

export { ManualClock, systemClock, type Clock } from "./core/clock";
export type { FaultSpec } from "./core/faults";
export type { RecordedRequest } from "./core/recorder";
export type { ZohoDeskSandbox, ZohoDeskSandboxOptions } from "./zoho-desk";
export type { ZohoDeskAdmin, PublicAgent } from "./zoho-desk/admin";
export type { Profile } from "./zoho-desk/seed";

export interface SandboxOptions {
  zohoDesk?: ZohoDeskSandboxOptions;
}

/** Environment variables that point the provider at the sandbox. */
export interface SandboxEnv {
  ZOHO_DESK_API_BASE_URL: string;
  ZOHO_ACCOUNTS_URL: string;
  ZOHO_DESK_ORG_ID: string;
  ZOHO_CLIENT_ID: string;
  ZOHO_CLIENT_SECRET: string;
  ZOHO_REFRESH_TOKEN: string;
}

export interface Sandbox {
  zohoDesk: ZohoDeskSandbox;
  env: SandboxEnv;
  close(): Promise<void>;
}

/** Start every vendor sandbox (today: Zoho accounts + Zoho Desk) on 127.0.0.1. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const zohoDesk = await startZohoDeskSandbox(options.zohoDesk);
  const env: SandboxEnv = {
    ZOHO_DESK_API_BASE_URL: zohoDesk.apiBaseUrl,
    ZOHO_ACCOUNTS_URL: zohoDesk.accountsUrl,
    ZOHO_DESK_ORG_ID: zohoDesk.orgId,
    ZOHO_CLIENT_ID: zohoDesk.credentials.clientId,
    ZOHO_CLIENT_SECRET: zohoDesk.credentials.clientSecret,
    ZOHO_REFRESH_TOKEN: zohoDesk.credentials.refreshToken,
  };
  return { zohoDesk, env, close: () => zohoDesk.close() };
}
