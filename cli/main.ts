#!/usr/bin/env node
import { COMMANDS } from "./commands";

/** npx pulumi-helpdesk <command> [options]: one line per command in commands.ts, each module owns its options. */
async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name === undefined ? undefined : COMMANDS[name];
  if (!command) {
    const list = Object.entries(COMMANDS).map(([key, entry]) => `  ${key.padEnd(8)} ${entry.summary}`).join("\n");
    process.stderr.write(`usage: pulumi-helpdesk <command> [options]\n\n${list}\n\nRun a command with --help for its options.\n`);
    return name === undefined || name === "--help" ? 0 : 2;
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
