import { Settings } from "../../provider/core/settings";
import { OptionSpec, parseOptions, usage, UsageError, wantsHelp } from "../export/argv";
import { environmentSettings, withSettingsExplained } from "../export/settings";
import { checkOutFile, writeOut } from "../out-file";
import { connectionFor, connectionOption, Vendor, vendorOption } from "../export/vendors";
import { renderCsv } from "./csv";
import { Review, renderMarkdown } from "./markdown";
import { AccessModel, compare, copyModel, grantsOf } from "./model";
import { fromPreviewJson, fromStackExport, ProgramResource } from "./program-state";
import { intendChatwoot, liveChatwoot } from "./vendors/chatwoot";
import { intendImichat, liveImichat } from "./vendors/imichat";
import { intendTeamworkDesk, liveTeamworkDesk } from "./vendors/teamwork-desk";
import { intendZohoCrm, liveZohoCrm } from "./vendors/zoho-crm";
import { intendZohoDesk, liveZohoDesk } from "./vendors/zoho-desk";

const OPTIONS = {
  vendor: vendorOption,
  "stack-state": { help: "a file written by `pulumi stack export`: compare the live account with what the stack applied" },
  "preview-json": { help: "a file written by `pulumi preview --json`: compare the live account with what the program asks for" },
  format: { help: "markdown (default) or csv", choices: ["markdown", "csv"] },
  out: { help: "the file to write the review to; default: standard output" },
  connection: connectionOption,
} satisfies Record<string, OptionSpec>;

interface VendorAccess {
  title: string;
  live(settings: Settings, connection: string | undefined): Promise<AccessModel>;
  intend(model: AccessModel, resources: ProgramResource[], connection: string | undefined): void;
}

const ACCESS: Record<Vendor, VendorAccess> = {
  zohoDesk: { title: "Zoho Desk", live: liveZohoDesk, intend: intendZohoDesk },
  zohoCrm: { title: "Zoho CRM", live: liveZohoCrm, intend: intendZohoCrm },
  chatwoot: { title: "Chatwoot", live: liveChatwoot, intend: intendChatwoot },
  omnivibe: { title: "Omnivibe", live: liveChatwoot, intend: intendChatwoot },
  teamworkDesk: { title: "Teamwork Desk", live: liveTeamworkDesk, intend: intendTeamworkDesk },
  imichat: { title: "IMIchat", live: liveImichat, intend: intendImichat },
};

/** npx pulumi-helpdesk review: who holds which permission, live and as the program intends, with the differences. */
export async function run(argv: string[]): Promise<number> {
  if (wantsHelp(argv)) {
    process.stdout.write(usage("review", OPTIONS));
    return 0;
  }
  const given = parseOptions(argv, OPTIONS);
  if (given["stack-state"] && given["preview-json"]) throw new UsageError("--stack-state and --preview-json are two sources of the intended state; give one of them");
  if (given.out !== undefined) checkOutFile(given.out);
  const vendor = given.vendor as Vendor;
  const access = ACCESS[vendor];
  const connection = connectionFor(vendor, given.connection);
  // The program is read first, so a wrong file fails before minutes of reading the account.
  const program = given["stack-state"] ? { source: `stack export ${given["stack-state"]}`, resources: fromStackExport(given["stack-state"]) }
    : given["preview-json"] ? { source: `preview ${given["preview-json"]}`, resources: fromPreviewJson(given["preview-json"]) } : undefined;
  const live = await withSettingsExplained(() => access.live(environmentSettings(), connection));
  const review: Review = { account: `${access.title}${connection ? ` (connection ${connection})` : ""}`, live: grantsOf(live) };
  if (program) {
    const intended = copyModel(live);
    access.intend(intended, program.resources, connection);
    const grants = grantsOf(intended);
    review.intended = { source: program.source, grants, compared: compare(review.live, grants) };
  }
  const text = given.format === "csv" ? renderCsv(review, vendor) : renderMarkdown(review);
  writeOut(given.out, text);
  return 0;
}
