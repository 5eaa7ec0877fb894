import { label, PolicyResource } from "../resource";

export const RULE = "every profile has a description";

/** Permission profiles, and Chatwoot's custom roles, which are its permission profiles. */
export const appliesTo = ["zohoDesk:Profile", "zohoCrm:Profile", "chatwoot:CustomRole"];

export function descriptionViolations(resource: PolicyResource): string[] {
  if (resource.kind === undefined || !appliesTo.includes(resource.kind)) return [];
  const { description, name } = resource.props;
  if (typeof description === "string" && description.trim() !== "") return [];
  const found = description === undefined ? "declares none" : "has a blank one";
  return [
    `${label(resource)} (${JSON.stringify(name)}) ${found}: ${RULE}. ` +
      "Declare description, saying who the profile is for (the policy reads the program, so an adopted profile declares it too).",
  ];
}
