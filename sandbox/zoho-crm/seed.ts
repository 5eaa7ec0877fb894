import type { ZohoDataCentre } from "../zoho-accounts";
import { PERMISSIONS } from "./permissions";

/**
 * The two seeded orgs, one per data centre. Ids are 19-digit strings like Zoho's (a 7-digit org prefix and a
 * 12-digit serial: the three public samples use three different prefixes, README §9.2). Permission ids differ per
 * org, in prefix, serial and order, while permission names are the same (take ids from a single-profile GET).
 */
export interface OrgSeed {
  dataCentre: ZohoDataCentre;
  /** Source silent: the org id format on the wire (CRM answers never carry it); an org number like the UI shows. */
  orgId: string;
  prefix: string;
  /** Id of the i-th catalogue permission in this org. */
  permissionSerial(index: number): number;
  /** Serial of the k-th seeded profile. */
  profileSerial(index: number): number;
  /** First serial for profiles created later, and the step. */
  nextProfileSerial: number;
  userSerial(index: number): number;
  users: Array<{ name: string; email: string; profile: string }>;
}

export const ORG_SEEDS: Readonly<Record<ZohoDataCentre, OrgSeed>> = {
  com: {
    dataCentre: "com",
    orgId: "749310541",
    prefix: "3652397",
    permissionSerial: (i) => 26101 + 3 * i,
    profileSerial: (k) => 26011 + 3 * k,
    nextProfileSerial: 2_701_001,
    userSerial: (k) => 17_001 + 4 * k,
    users: [
      { name: "Ana Ortiz", email: "ana.ortiz@example.com", profile: "Administrator" },
      { name: "Ben Okoro", email: "ben.okoro@example.com", profile: "Standard" },
      { name: "Chen Wei", email: "chen.wei@example.com", profile: "Sales Representative" },
      { name: "Dana Ivanova", email: "dana.ivanova@example.com", profile: "Sales Representative" },
      { name: "Eli Haddad", email: "eli.haddad@example.com", profile: "Support Agents" },
      { name: "Femi Adeyemi", email: "femi.adeyemi@example.com", profile: "Team User" },
    ],
  },
  eu: {
    dataCentre: "eu",
    orgId: "20098417233",
    prefix: "5723004",
    // Reverse order and another base: no id of one org is an id in the other.
    permissionSerial: (i) => 119_997 - 5 * i,
    profileSerial: (k) => 114_807 + 2 * k,
    nextProfileSerial: 3_900_007,
    userSerial: (k) => 61_003 + 6 * k,
    users: [
      { name: "Greta Lindqvist", email: "greta.lindqvist@example.eu", profile: "Administrator" },
      { name: "Hugo Martin", email: "hugo.martin@example.eu", profile: "Standard" },
      { name: "Ines Duarte", email: "ines.duarte@example.eu", profile: "Sales Representative" },
      { name: "Jan Novak", email: "jan.novak@example.eu", profile: "Support Agents" },
      { name: "Klara Schmidt", email: "klara.schmidt@example.eu", profile: "Team User" },
    ],
  },
};

export function crmId(prefix: string, serial: number): string {
  return prefix + String(serial).padStart(12, "0");
}

export interface SeedProfile {
  name: string;
  description: string | null;
  custom: boolean;
  type: "normal_profile" | "lite_profile";
  /** Seeded created_time (null for the built-in profiles, as in Zoho's list sample). */
  createdTime: string | null;
  modifiedTime: string;
  /** Permission names enabled. */
  enabled: ReadonlySet<string>;
}

const all = (pred: (name: string) => boolean) => new Set(PERMISSIONS.map((p) => p.name).filter(pred));
const crud = (suffix: string, actions: string[]) => actions.map((a) => `Crm_Implied_${a}_${suffix}`);
const GENERAL = ["Crm_Implied_Gcal_Sync", "Crm_Implied_Zoho_Mobile_Integ", "Crm_Implied_Api_Access"];

/**
 * Seeded profiles, in list order. Administrator and Standard are the system profiles (README §2.1, the v8 operation
 * docs: "System profiles (Administrator, Standard) cannot be updated or deleted"); descriptions verbatim from Zoho's
 * list sample, as is Team User (a lite_profile, left out of the list unless `include_types=Lite`).
 * Source silent: Standard's permissions; we give it everything but `Customize` and Social Admin.
 */
export const SEED_PROFILES: readonly SeedProfile[] = [
  {
    name: "Administrator",
    description: "This profile will have all the permissions. Users with Administrator profile will be able to view and manage all the data within the organization account by default.",
    custom: false, type: "normal_profile", createdTime: null, modifiedTime: "2025-09-26T13:23:34+00:00",
    enabled: all(() => true),
  },
  {
    name: "Standard",
    description: "This profile will have all the permissions except administrative privileges.",
    custom: false, type: "normal_profile", createdTime: null, modifiedTime: "2025-05-28T09:40:51+00:00",
    enabled: all((n) => !n.startsWith("Crm_Implied_Customize_") && n !== "Crm_Implied_Social_Admin"),
  },
  {
    name: "Team User",
    // Verbatim, double space included.
    description: "This profile will be auto-assigned only for Team users who can access  Team modules and have limited permissions for Organisation modules.",
    custom: false, type: "lite_profile", createdTime: null, modifiedTime: "2025-07-24T13:12:58+00:00",
    enabled: new Set([
      ...crud("Tasks", ["View", "Create", "Edit"]), ...crud("Events", ["View", "Create", "Edit"]), ...crud("Calls", ["View", "Create", "Edit"]),
      ...crud("Contacts", ["View"]), ...crud("Accounts", ["View"]), "Crm_Implied_View_Reports", "Crm_Implied_View_Dashboards", ...GENERAL,
    ]),
  },
  {
    name: "Sales Representative",
    description: "Sales reps: their own pipeline, no deletes outside Leads and Deals.",
    custom: true, type: "normal_profile", createdTime: "2025-01-28T08:33:56+00:00", modifiedTime: "2025-11-20T13:33:43+00:00",
    enabled: new Set([
      ...["Leads", "Contacts", "Deals"].flatMap((m) => crud(m, ["View", "Create", "Edit", "Delete"])),
      ...crud("Accounts", ["View", "Create", "Edit"]),
      ...["Tasks", "Events", "Calls"].flatMap((m) => crud(m, ["View", "Create", "Edit", "Delete"])),
      ...crud("Products", ["View"]), ...crud("Quotes", ["View", "Create", "Edit"]),
      "Crm_Implied_View_Reports", "Crm_Implied_Export_Reports", "Crm_Implied_View_Dashboards",
      "Crm_Implied_Export_Leads", "Crm_Implied_Export_Contacts", "Crm_Implied_Mass_Update_Leads",
      "Crm_Implied_View_Social", ...GENERAL,
    ]),
  },
  {
    name: "Support Agents",
    description: null,
    custom: true, type: "normal_profile", createdTime: "2025-04-02T10:05:12+00:00", modifiedTime: "2025-04-02T10:05:12+00:00",
    enabled: new Set([
      ...crud("Cases", ["View", "Create", "Edit", "Delete"]), ...crud("Contacts", ["View", "Edit"]), ...crud("Accounts", ["View", "Edit"]),
      ...crud("Tasks", ["View", "Create", "Edit", "Delete"]), ...crud("Calls", ["View", "Create", "Edit", "Delete"]),
      ...crud("Products", ["View"]), "Crm_Implied_View_Reports", "Crm_Implied_View_Dashboards", "Crm_Implied_Mass_Update_Cases",
      "Crm_Implied_Zoho_Mobile_Integ", "Crm_Implied_Api_Access",
    ]),
  },
];

export const SYSTEM_PROFILE_NAMES: readonly string[] = ["Administrator", "Standard"];
