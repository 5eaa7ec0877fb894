import { SettingSpec } from "../core/settings";

export const zohoDeskSettings = {
  apiBaseUrl: {
    configKey: "helpdesk:zohoDeskApiBaseUrl",
    envVar: "ZOHO_DESK_API_BASE_URL",
    default: "https://desk.zoho.com/api/v1",
    format: "http-url",
    hint: "Your data center's Desk API, e.g. https://desk.zoho.eu/api/v1.",
  },
  orgId: {
    configKey: "helpdesk:zohoDeskOrgId",
    envVar: "ZOHO_DESK_ORG_ID",
    hint: "Zoho Desk: Setup > Developer Space > API shows the orgId. To try things locally, start the sandbox: npm run sandbox.",
  },
} satisfies Record<string, SettingSpec>;
