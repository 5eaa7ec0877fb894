import { startSandbox, type Sandbox } from "../sandbox";

/** High enough that no benchmark program meets it. */
export const UNLIMITED = 1_000_000;

/** Every vendor with its limits raised out of the way; the Zoho CRM licence limit above the program's profiles. */
export function unlimitedSandbox(n: number): Promise<Sandbox> {
  return startSandbox({
    zohoDesk: { rateLimitPerMinute: UNLIMITED, concurrency: UNLIMITED },
    zohoCrm: { licenseLimit: n + 50, apiCreditsPer24h: UNLIMITED, concurrency: UNLIMITED },
    chatwoot: { rateLimitPerMinute: 0 },
    omnivibe: { rateLimitPerMinute: 0 },
    teamworkDesk: { rateLimitPerMinute: 0 },
    imichat: { dailyRateLimit: 0 },
  });
}
