import * as pulumi from "@pulumi/pulumi";
import { zohoDesk } from "pulumi-helpdesk";

const config = new pulumi.Config();
// A stack setting, so staging can try a looser rule before production gets it.
const tier2MayMerge = config.getBoolean("tier2MayMerge") ?? true;

/** Night shift: like Tier 1, plus unassigned tickets; still no deleting. */
const nightShift = new zohoDesk.Profile("night-shift", {
  name: "Night Shift",
  description: "Agents covering 22:00-06:00: pick up unassigned tickets, no deletes or exports.",
  cloneFrom: "Agent",
  transferToProfile: "Agent",
  permissions: {
    tickets: { handleUnassigned: true, unassignedChangeOwner: true, delete: false, export: false },
    reports: { view: true, export: false },
  },
});

/** Tier 2 already exists in the org: bring it under code and pin what matters. */
new zohoDesk.Profile("tier2", {
  name: "Tier 2 Escalations",
  adopt: "Tier 2 Escalations",
  transferToProfile: nightShift.profileId, // a profile of this program: pass its id output, not its name
  permissions: {
    tickets: { mergeTickets: tier2MayMerge, shareTickets: true, delete: false },
    setup: { manageAgents: false, permission: false },
  },
});

/** Supervisor is a default profile nobody here owns: pin only the two switches the security review asked for. */
new zohoDesk.ProfilePermissionSet("supervisor-exports", {
  profile: "Supervisor",
  permissions: { setup: { exportUsers: false }, tickets: { export: false } },
});

export const nightShiftId = nightShift.profileId;
