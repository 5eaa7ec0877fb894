import * as pulumi from "@pulumi/pulumi";
import { teamworkDesk } from "pulumi-helpdesk";

const config = new pulumi.Config();
// A stack setting: where agents land after replying. Busy sites send them to the next ticket.
const afterReply = (config.get("afterReply") ?? "Next") as "Stay" | "Next" | "Inbox";

/** The onboarding rota: who starts this month, on which shift. Shift leads review the others' replies. */
const rota = [
  { email: "noor.haddad@acme-sandbox.test", firstName: "Noor", lastName: "Haddad", shift: "early", lead: true },
  { email: "tomas.berg@acme-sandbox.test", firstName: "Tomas", lastName: "Berg", shift: "early", lead: false },
  { email: "ife.adeyemi@acme-sandbox.test", firstName: "Ife", lastName: "Adeyemi", shift: "late", lead: true },
  { email: "kai.moreau@acme-sandbox.test", firstName: "Kai", lastName: "Moreau", shift: "late", lead: false },
];

/** Late-shift hires work from the Lisbon office: Teamwork's time zone id for it, as the user settings page sets it. */
const LISBON = 27;

export const userIds = Object.fromEntries(
  rota.map((hire) => [
    hire.email,
    new teamworkDesk.User(hire.email.split("@")[0], {
      email: hire.email,
      firstName: hire.firstName,
      lastName: hire.lastName,
      role: "agent",
      reviewer: hire.lead,
      editMethod: "markdown",
      ticketReplyRedirect: afterReply,
      ...(hire.shift === "late" ? { timezoneId: LISBON } : {}),
    }).userId,
  ]),
);

// Pat is back full time: the existing user is adopted (by email) rather than created twice.
new teamworkDesk.User("pat-parttime", {
  email: "pat.parttime@acme-sandbox.test",
  firstName: "Pat",
  adopt: true,
  isPartTime: false,
  ticketReplyRedirect: afterReply,
});
