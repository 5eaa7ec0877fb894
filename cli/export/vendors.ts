import { CONNECTION_NAME } from "../../provider/zoho/connection";
import { OptionSpec } from "../options";

/** The accounts the commands read, by the names the sandbox and the README use. */
export const VENDORS = ["zohoDesk", "zohoCrm", "chatwoot", "omnivibe", "teamworkDesk", "imichat"] as const;
export type Vendor = (typeof VENDORS)[number];

/** Omnivibe is a Chatwoot install read through the connection of that name (CHATWOOT_OMNIVIBE_* settings). */
export function connectionFor(vendor: Vendor, connection: string | undefined): string | undefined {
  return connection ?? (vendor === "omnivibe" ? "omnivibe" : undefined);
}

export const vendorOption: OptionSpec = { help: `the account to read: ${VENDORS.join(", ")}`, choices: VENDORS, required: true };

export const connectionOption: OptionSpec = {
  help: "a connection name, as the resources' connection argument: its settings are read (e.g. eu reads ZOHO_EU_*) and every exported resource carries it",
  rule: { test: CONNECTION_NAME, says: "must be 1-32 letters and digits, starting with a letter (it becomes part of setting names)" },
};
