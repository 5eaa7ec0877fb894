import { HelpdeskError, VendorApiError } from "../core/errors";
import { ImichatConnection } from "./connection";

/** What the request was about, so an error can name the argument or header at fault. */
export interface RequestAbout {
  /** The resource's arguments whose values the request carried. */
  sent: readonly string[];
  userId?: number;
}

/**
 * Turns IMIchat's one-code answers (the seed document's table) into an error that names the property or header at
 * fault. IMIchat's own words stay in the message; the code table gives each a place.
 */
export function explainImichatError(error: unknown, connection: ImichatConnection, about: RequestAbout): unknown {
  if (!(error instanceof VendorApiError) || error.code === undefined) return error;
  const fault = faultOf(error, connection, about);
  return fault ? new HelpdeskError(`${error.message}: ${fault}`) : error;
}

function faultOf(error: VendorApiError, connection: ImichatConnection, about: RequestAbout): string | undefined {
  const team = connection.teamId();
  const description = typeof (error.body as { description?: unknown })?.description === "string" ? (error.body as { description: string }).description : "";
  switch (error.code) {
    case "2002":
      return "header access_token or teamid was missing (the provider sends both: a proxy between may drop them)";
    case "2003":
      return `header access_token: IMIchat does not know the token; check ${connection.settingName("apiKey")} and ${connection.settingName("domain")}`;
    case "2004":
      return "header access_token: expired, and the token /authorize issued instead was refused too";
    case "2007":
      return "IMIchat failed on its side (2007); nothing says whether the change was applied: run the command again";
    case "2010":
      return `header teamid: IMIchat has no team ${team}; set ${connection.settingName("teamId")} to an existing team's id`;
    case "2099":
      return "IMIchat does not allow this method on this path";
    case "3101":
      return `user ${about.userId ?? ""}: not a user of team ${team} (deleted, or moved out of the team in the admin console)`;
    case "3104":
      return "IMIchat could not apply the update (3104); run the command again";
    case "3107":
    case "3110": {
      const name = /custom attribute '([^']+)'/.exec(description)?.[1];
      const rule = error.code === "3107" ? "not one of the attribute's dropdown options" : "not of the attribute's kind or too long";
      return `property customAttributes.${name ?? "(unnamed)"}: the value is ${rule} (defined in the admin console; the API cannot list the definitions, so this is checked only when applied)`;
    }
    case "3114":
      return "the request body was empty";
    case "3115":
      return `one of ${about.sent.join(", ") || "the fields sent"} does not fit: every value passed the documented rules at preview, so the likely causes are ` +
        `a loginId or email already used by a user outside team ${team} (the API shows only the team's users), a privileges team that does not exist, ` +
        "or a custom attribute the tenant does not define";
    default:
      return undefined;
  }
}
