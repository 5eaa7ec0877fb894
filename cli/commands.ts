/** A command of `npx pulumi-helpdesk`: loaded only when named, so one command's dependencies never slow another. */
export interface Command {
  summary: string;
  load(): Promise<{ run(argv: string[]): Promise<number> }>;
}

export const COMMANDS: Record<string, Command> = {
  report: { summary: "a preview's permission changes as Markdown for a pull-request comment", load: () => import("./report") },
};
