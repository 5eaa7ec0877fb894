import { Settings } from "../../provider/core/settings";
import { OptionSpec, parseOptions, usage, UsageError, wantsHelp } from "../options";
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
  /** The resources' namespace in the program: "chatwoot" for Omnivibe too (told apart by connection). */
  namespace: string;
  live(settings: Settings, connection: string | undefined): Promise<AccessModel>;
  intend(model: AccessModel, resources: ProgramResource[], connection: string | undefined): void;
}

const ACCESS: Record<Vendor, VendorAccess> = {
  zohoDesk: { title: "Zoho Desk", namespace: "zohoDesk", live: liveZohoDesk, intend: intendZohoDesk },
  zohoCrm: { title: "Zoho CRM", namespace: "zohoCrm", live: liveZohoCrm, intend: intendZohoCrm },
  chatwoot: { title: "Chatwoot", namespace: "chatwoot", live: liveChatwoot, intend: intendChatwoot },
  omnivibe: { title: "Omnivibe", namespace: "chatwoot", live: liveChatwoot, intend: intendChatwoot },
  teamworkDesk: { title: "Teamwork Desk", namespace: "teamworkDesk", live: liveTeamworkDesk, intend: intendTeamworkDesk },
  imichat: { title: "IMIchat", namespace: "imichat", live: liveImichat, intend: intendImichat },
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
  const program = given["stack-state"] ? { option: "--stack-state", file: given["stack-state"], source: `stack export ${given["stack-state"]}`, resources: fromStackExport(given["stack-state"]) }
    : given["preview-json"] ? { option: "--preview-json", file: given["preview-json"], source: `preview ${given["preview-json"]}`, resources: fromPreviewJson(given["preview-json"]) } : undefined;
  if (program) refuseUnrelated(program, access, connection);
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

/**
 * A program with no resource of the reviewed account (another vendor's stack, another connection) intends nothing
 * for it, so its review would report "no difference": refused, saying what the file does hold.
 */
function refuseUnrelated(program: { option: string; file: string; resources: ProgramResource[] }, access: VendorAccess, connection: string | undefined): void {
  const ofAccount = (r: ProgramResource) => r.type.startsWith(`${access.namespace}:`) && (r.inputs.connection ?? undefined) === connection;
  if (program.resources.some(ofAccount)) return;
  const held = [...new Set(program.resources.map((r) => `${r.type.replace(":", ".")}${typeof r.inputs.connection === "string" ? ` (connection ${r.inputs.connection})` : ""}`))].sort();
  throw new UsageError(
    `${program.option} ${program.file}: holds no ${access.namespace} resource${connection ? ` of connection ${connection}` : ""}, so it intends nothing for ${access.title}` +
      ` (it holds ${held.length > 0 ? held.join(", ") : "no resource of this package"}); give the program that manages this account, or leave ${program.option} out for the live matrix`,
  );
}
