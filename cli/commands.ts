/** A command of `npx pulumi-helpdesk`: loaded only when named, so one command's dependencies never slow another. */
export interface Command {
  summary: string;
  load(): Promise<{ run(argv: string[]): Promise<number> }>;
}

export const COMMANDS: Record<string, Command> = {
  report: { summary: "a preview's permission changes as Markdown for a pull-request comment", load: () => import("./report") },
  drift: { summary: "refresh and compare: exit 7 with the drifted cells when the account differs from the program", load: () => import("./drift") },
  export: { summary: "write a Pulumi program that adopts a live account's profiles, roles and users", load: () => import("./export") },
  review: { summary: "who holds which permission, live and as the program intends, with the differences", load: () => import("./review") },
};
