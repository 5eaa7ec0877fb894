import { SettingSpec } from "../core/settings";

/** Zoho's OAuth client, shared by Zoho Desk and Zoho CRM (one self-client can hold scopes for both). */
export const zohoOAuthSettings = {
  accountsUrl: {
    configKey: "helpdesk:zohoAccountsUrl",
    envVar: "ZOHO_ACCOUNTS_URL",
    default: "https://accounts.zoho.com",
    format: "http-url",
    hint: "Use your data center's accounts server (accounts.zoho.eu, accounts.zoho.in, ...).",
  },
  clientId: { configKey: "helpdesk:zohoClientId", envVar: "ZOHO_CLIENT_ID", hint: "From the Zoho API console (Self Client)." },
  clientSecret: {
    configKey: "helpdesk:zohoClientSecret",
    envVar: "ZOHO_CLIENT_SECRET",
    secret: true,
    hint: "From the Zoho API console (Self Client).",
  },
  refreshToken: {
    configKey: "helpdesk:zohoRefreshToken",
    envVar: "ZOHO_REFRESH_TOKEN",
    secret: true,
    hint: "A refresh token with the Desk.settings.ALL and Desk.basic.READ scopes.",
  },
} satisfies Record<string, SettingSpec>;
