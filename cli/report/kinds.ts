import { Cells, grantedList, moduleMatrix, namedSwitches } from "./cells";
import { ENGINE_SECRET } from "./secrets";

type State = Record<string, unknown>;

/** How the report reads one resource kind's inputs: whose access it is, and which input is a permission matrix. */
export interface KindView {
  vendor: string;
  /** What the vendor calls the object: "profile", "agent", ... */
  noun: string;
  /** Profiles and roles carry permission cells; people carry fields (a role among them). */
  family: "profile" | "person";
  /** The object's name as the vendor's users know it, from inputs and outputs together. */
  subject(state: State): string | undefined;
  /** The kind has nothing to create: its create takes over the vendor's existing object (the token's own user). */
  createAdopts?: boolean;
  permissions?: {
    read(value: unknown): Cells;
    /**
     * What a switch the program stops declaring becomes: left as it is (a profile owns only what it lists), off (a
     * role's list is all it grants), or the value the profile had before the set changed it (`originalPermissions`).
     */
    dropped: "left alone" | "off" | "original";
  };
}

const text = (value: unknown): string | undefined => (typeof value === "string" && value !== ENGINE_SECRET ? value : undefined);

const profile = (vendor: string, read: (value: unknown) => Cells): KindView => ({
  vendor, noun: "profile", family: "profile", subject: (state) => text(state.name), permissions: { read, dropped: "left alone" },
});

const permissionSet = (vendor: string, read: (value: unknown) => Cells): KindView => ({
  vendor, noun: "profile", family: "profile", subject: (state) => text(state.profileName) ?? text(state.profile), permissions: { read, dropped: "original" },
});

/** Every resource kind of the package, by its registry token (test/report/kinds.test.ts keeps this in step with provider/registry.ts). */
export const KIND_VIEWS: Readonly<Record<string, KindView>> = {
  "zohoDesk:Profile": profile("Zoho Desk", moduleMatrix),
  "zohoDesk:ProfilePermissionSet": permissionSet("Zoho Desk", moduleMatrix),
  "zohoCrm:Profile": profile("Zoho CRM", namedSwitches),
  "zohoCrm:ProfilePermissionSet": permissionSet("Zoho CRM", namedSwitches),
  "chatwoot:CustomRole": {
    vendor: "Chatwoot", noun: "custom role", family: "profile", subject: (state) => text(state.name), permissions: { read: grantedList, dropped: "off" },
  },
  "chatwoot:Agent": { vendor: "Chatwoot", noun: "agent", family: "person", subject: (state) => text(state.email) ?? text(state.name) },
  "chatwoot:Profile": { vendor: "Chatwoot", noun: "user profile", family: "person", createAdopts: true, subject: (state) => text(state.email) ?? "the token's user" },
  "teamworkDesk:User": { vendor: "Teamwork Desk", noun: "user", family: "person", subject: (state) => text(state.email) },
  "imichat:User": { vendor: "IMIchat", noun: "user", family: "person", subject: (state) => text(state.loginId) ?? text(state.email) },
};

/** The registry token of a URN's type, e.g. "zohoDesk:Profile", or undefined for resources of other packages. */
export function tokenOf(urn: string): string | undefined {
  const type = urn.split("::")[2]?.split("$").pop() ?? "";
  return type.startsWith("pulumi-nodejs:dynamic/") ? type.slice("pulumi-nodejs:dynamic/".length) : undefined;
}

/** The resource's logical name: the URN's last part. */
export const resourceNameOf = (urn: string): string => urn.split("::").slice(3).join("::");
