#!/usr/bin/env node
import { editDistance } from "../provider/core/edit-distance";
import { COMMANDS } from "./commands";

const usage = () => {
  const list = Object.entries(COMMANDS).map(([key, entry]) => `  ${key.padEnd(8)} ${entry.summary}`).join("\n");
  return `usage: pulumi-helpdesk <command> [options]\n\n${list}\n\nRun a command with --help for its options.\n`;
};

/** "unknown command 'exprot' (did you mean 'export'?)": a typo must not read as a request for the usage text. */
function unknownCommand(name: string): string {
  const near = Object.keys(COMMANDS).find((key) => editDistance(key, name.toLowerCase()) <= 2);
  return `pulumi-helpdesk: unknown command '${name}'${near ? ` (did you mean '${near}'?)` : ""}; the commands are ${Object.keys(COMMANDS).join(", ")}\n\n`;
}

/** npx pulumi-helpdesk <command> [options]: one line per command in commands.ts, each module owns its options. */
async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h") {
    process.stdout.write(usage());
    return 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    process.stderr.write(unknownCommand(name) + usage());
    return 2;
  }
  const module = await command.load();
  return module.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error: unknown) => {
    process.stderr.write(`pulumi-helpdesk: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
