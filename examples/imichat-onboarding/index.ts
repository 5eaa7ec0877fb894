import * as pulumi from "@pulumi/pulumi";
import { imichat } from "pulumi-helpdesk";

const config = new pulumi.Config();
// A stack setting: the office new hires are recorded against (a custom attribute defined in the admin console).
const office = config.get("office") ?? "Austin";

/** The support team's id: the connection's team (IMICHAT_TEAM_ID), which every user here must belong to. */
const SUPPORT = 7001;
const SALES = 7002;

/** The onboarding rota: who starts this month and in which role. Sales liaisons also analyse the Sales team. */
const rota = [
  { loginId: "rhea.kapoor", firstName: "Rhea", lastName: "Kapoor", role: "Team Manager", salesLiaison: false, languages: ["English", "Hindi"] },
  { loginId: "owen.price", firstName: "Owen", lastName: "Price", role: "Team Agent", salesLiaison: true, languages: ["English"] },
  { loginId: "lucia.ferraz", firstName: "Lucia", lastName: "Ferraz", role: "Team Agent", salesLiaison: false, languages: ["English", "Portuguese"] },
] as const;

export const userIds = Object.fromEntries(
  rota.map((hire) => [
    hire.loginId,
    new imichat.User(hire.loginId.replace(".", "-"), {
      firstName: hire.firstName,
      lastName: hire.lastName,
      loginId: hire.loginId,
      email: `${hire.loginId}@acme-sandbox.test`,
      jobDescription: hire.role === "Team Manager" ? "Chat team lead" : "Chat agent",
      loginUsingEmail: true,
      // Team roles are set at creation only: IMIchat's update refuses them.
      privileges: [
        { team: SUPPORT, role: hire.role },
        ...(hire.salesLiaison ? [{ team: SALES, role: "Team Analyst" as const }] : []),
      ],
      customAttributes: { business: "Retail", location: office },
      skillAttributes: { language: [...hire.languages] },
    }).userId,
  ]),
);

// Ina is back from leave: the existing (inactive) user is adopted by login id and made active again.
new imichat.User("ina-inactive", {
  firstName: "Ina",
  loginId: "ina.inactive",
  email: "ina.inactive@acme-sandbox.test",
  adopt: true,
  status: "active",
  jobDescription: "Chat agent",
});
