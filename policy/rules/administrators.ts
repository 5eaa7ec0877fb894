import { ListedAdministratorsConfig } from "../config";
import { label, listed, PolicyResource } from "../resource";

export const RULE = "no agent or user is an administrator unless listed in the policy config";

interface Person {
  /** What makes this resource an administrator, in the vendor's words; undefined when it is not one. */
  administratorBy?: string;
  /** The identities the administrators list may name. */
  identities: unknown[];
}

const PEOPLE: Record<string, (props: Record<string, unknown>, config: ListedAdministratorsConfig) => Person> = {
  "chatwoot:Agent": (props) => ({ administratorBy: props.role === "administrator" ? 'role "administrator"' : undefined, identities: [props.email] }),
  "teamworkDesk:User": (props) => ({ administratorBy: props.role === "admin" ? 'role "admin"' : undefined, identities: [props.email] }),
  "imichat:User": (props, config) => {
    const privileges = Array.isArray(props.privileges) ? (props.privileges as Array<{ team?: unknown; role?: unknown }>) : [];
    const held = privileges.filter((p) => (config.imichatAdministratorRoles as readonly unknown[]).includes(p.role));
    return {
      administratorBy: held.length === 0 ? undefined : held.map((p) => `${JSON.stringify(p.role)} of team ${String(p.team)}`).join(", "),
      identities: [props.email, props.loginId],
    };
  },
};

export const appliesTo = Object.keys(PEOPLE);

export function administratorViolations(resource: PolicyResource, config: ListedAdministratorsConfig): string[] {
  const person = resource.kind === undefined ? undefined : PEOPLE[resource.kind]?.(resource.props, config);
  if (!person?.administratorBy || person.identities.some((identity) => listed(identity, config.administrators))) return [];
  const who = person.identities.filter((identity) => typeof identity === "string").join(" / ");
  return [
    `${label(resource)} (${who}) is an administrator by ${person.administratorBy}: ${RULE}. ` +
      `Give a lower role, or add ${JSON.stringify(person.identities.find((identity) => typeof identity === "string"))} to administrators in the policy config.`,
  ];
}
