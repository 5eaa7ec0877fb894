import * as pulumi from "@pulumi/pulumi";
import { zohoCrm } from "pulumi-helpdesk";

const config = new pulumi.Config();
// A stack setting, so staging can let inside sales export leads before production does.
const insideSalesMayExport = config.getBoolean("insideSalesMayExport") ?? false;

/** Permissions by name: the same program works in every org, whose permission ids differ. */
const insideSalesPermissions = {
  Crm_Implied_View_Leads: true,
  Crm_Implied_Create_Leads: true,
  Crm_Implied_Delete_Leads: false,
  Crm_Implied_Mass_Delete_Leads: false,
  Crm_Implied_Export_Leads: insideSalesMayExport,
  Crm_Implied_Delete_Deals: false,
};

/** Inside sales in the US org (the default connection) and in the EU org (connection "eu", ZOHO_EU_* settings). */
const insideSales = new zohoCrm.Profile("inside-sales", {
  name: "Inside Sales",
  description: "Qualifies inbound leads; no deletes.",
  permissions: insideSalesPermissions,
});
new zohoCrm.Profile("inside-sales-eu", {
  name: "Inside Sales",
  description: "Qualifies inbound leads; no deletes.",
  connection: "eu",
  permissions: insideSalesPermissions,
});

/** Sales Representative was made by hand and is owned by sales ops: pin only the two switches the audit asked for. */
new zohoCrm.ProfilePermissionSet("reps-guardrails", {
  profile: "Sales Representative",
  permissions: { Crm_Implied_Delete_Contacts: false, Crm_Implied_Export_Contacts: false },
});

export const insideSalesId = insideSales.profileId;
