/**
 * Zoho's data centres. An account lives in exactly one; its accounts server, Desk and CRM hosts all follow from it
 * (Zoho's multi-DC pages: accounts.zoho.<dc>, desk.zoho.<dc>, www.zohoapis.<dc>; Canada is on zohocloud.ca).
 */
export const zohoDataCentres = {
  com: { accounts: "https://accounts.zoho.com", desk: "https://desk.zoho.com", crm: "https://www.zohoapis.com" },
  eu: { accounts: "https://accounts.zoho.eu", desk: "https://desk.zoho.eu", crm: "https://www.zohoapis.eu" },
  in: { accounts: "https://accounts.zoho.in", desk: "https://desk.zoho.in", crm: "https://www.zohoapis.in" },
  "com.au": { accounts: "https://accounts.zoho.com.au", desk: "https://desk.zoho.com.au", crm: "https://www.zohoapis.com.au" },
  jp: { accounts: "https://accounts.zoho.jp", desk: "https://desk.zoho.jp", crm: "https://www.zohoapis.jp" },
  ca: { accounts: "https://accounts.zohocloud.ca", desk: "https://desk.zohocloud.ca", crm: "https://www.zohoapis.ca" },
  sa: { accounts: "https://accounts.zoho.sa", desk: "https://desk.zoho.sa", crm: "https://www.zohoapis.sa" },
  "com.cn": { accounts: "https://accounts.zoho.com.cn", desk: "https://desk.zoho.com.cn", crm: "https://www.zohoapis.com.cn" },
} as const;

export type ZohoDataCentre = keyof typeof zohoDataCentres;

export const DEFAULT_DATA_CENTRE: ZohoDataCentre = "com";

/** "eu", ".eu", "EU" and "zoho.eu" all name the .eu data centre; undefined for anything else. */
export function parseDataCentre(value: string): ZohoDataCentre | undefined {
  const key = value.trim().toLowerCase().replace(/^(zoho)?\./, "").replace(/^zoho\./, "");
  return Object.hasOwn(zohoDataCentres, key) ? (key as ZohoDataCentre) : undefined;
}
