import { Settings } from "../../provider/core/settings";
import { checkOutFile, writeOut } from "../out-file";
import { OptionSpec, parseOptions, usage, wantsHelp } from "../options";
import { exportChatwoot } from "./chatwoot";
import { exportImichat } from "./imichat";
import { ExportOptions, ExportPlan, PermissionsMode, SystemMode } from "./plan";
import { exportTeamworkDesk } from "./teamwork-desk";
import { environmentSettings, withSettingsExplained } from "./settings";
import { renderProgram } from "./typescript";
import { connectionFor, connectionOption, Vendor, vendorOption } from "./vendors";
import { exportZohoCrm } from "./zoho-crm";
import { exportZohoDesk } from "./zoho-desk";

const OPTIONS = {
  vendor: vendorOption,
  out: { help: "the file to write the program to (e.g. index.ts); default: standard output" },
  permissions: { help: "full: every switch; diff: only the switches that differ from the base profile (Zoho Desk Agent, Zoho CRM Standard)", choices: ["full", "diff"] },
  system: { help: "skip: leave the org's default profiles out; permission-sets: manage their switches as ProfilePermissionSets (Zoho Desk)", choices: ["skip", "permission-sets"] },
  connection: connectionOption,
} satisfies Record<string, OptionSpec>;

const EXPORTERS: Record<Vendor, (settings: Settings, options: ExportOptions) => Promise<ExportPlan>> = {
  zohoDesk: exportZohoDesk,
  zohoCrm: exportZohoCrm,
  chatwoot: exportChatwoot,
  omnivibe: exportChatwoot,
  teamworkDesk: exportTeamworkDesk,
  imichat: exportImichat,
};

/** npx pulumi-helpdesk export: a live account as a Pulumi program that adopts what it holds. */
export async function run(argv: string[]): Promise<number> {
  if (wantsHelp(argv)) {
    process.stdout.write(usage("export", OPTIONS));
    return 0;
  }
  const given = parseOptions(argv, OPTIONS);
  if (given.out !== undefined) checkOutFile(given.out);
  const vendor = given.vendor as Vendor;
  const options: ExportOptions = {
    permissions: (given.permissions ?? "full") as PermissionsMode,
    system: (given.system ?? "skip") as SystemMode,
    connection: connectionFor(vendor, given.connection),
  };
  const plan = await withSettingsExplained(() => EXPORTERS[vendor](environmentSettings(), options));
  const program = renderProgram(plan);
  writeOut(given.out, program);
  process.stderr.write(`exported ${plan.resources.length} resources${given.out ? ` to ${given.out}` : ""}; left out ${plan.leftOut.length} (listed at the top of the program)\n`);
  return 0;
}
