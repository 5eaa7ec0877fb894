/** One option of a command: `--name value`, checked against its allowed values when it has them. */
export interface OptionSpec {
  /** Shown in `--help` and in errors. */
  help: string;
  /** The values the option takes; anything else is refused, naming them. */
  choices?: readonly string[];
  /** A value matching nothing here is refused with this rule. */
  rule?: { test: RegExp; says: string };
  required?: boolean;
}

export class UsageError extends Error {}

/**
 * `--name value` and `--name=value` pairs into a record, refusing what the command does not take, by option name
 * and rule, so a typo never runs a long export with a default the user did not choose.
 */
export function parseOptions<K extends string>(argv: string[], specs: Record<K, OptionSpec>): Partial<Record<K, string>> {
  const known = Object.keys(specs) as K[];
  const values: Partial<Record<K, string>> = {};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const name = flag.replace(/^--/, "") as K;
    if (!flag.startsWith("-")) {
      throw new UsageError(`unexpected argument '${argv[i]}': the command takes options only (${known.map((k) => `--${k}`).join(", ")}), each followed by its value`);
    }
    if (!flag.startsWith("--") || !known.includes(name)) {
      throw new UsageError(`unknown option '${argv[i]}'; the options are ${known.map((k) => `--${k}`).join(", ")}`);
    }
    const value = inline ?? argv[++i];
    if (value === undefined || value === "" || value.startsWith("--")) throw new UsageError(`--${name} needs a value: ${specs[name].help}`);
    if (values[name] !== undefined) throw new UsageError(`--${name} is given twice; give it once`);
    const { choices, rule } = specs[name];
    if (choices && !choices.includes(value)) throw new UsageError(`--${name} must be one of ${choices.join(", ")}; got '${value}'`);
    if (rule && !rule.test.test(value)) throw new UsageError(`--${name} ${rule.says}; got '${value}'`);
    values[name] = value;
  }
  for (const name of known) {
    if (specs[name].required && values[name] === undefined) throw new UsageError(`--${name} is required: ${specs[name].help}`);
  }
  return values;
}

/** The `--help` text: one line per option. */
export function usage(command: string, specs: Record<string, OptionSpec>): string {
  const lines = Object.entries(specs).map(([name, spec]) => `  --${name.padEnd(16)} ${spec.help}${spec.required ? " (required)" : ""}`);
  return `usage: pulumi-helpdesk ${command} [options]\n\n${lines.join("\n")}\n`;
}

export const wantsHelp = (argv: string[]) => argv.includes("--help") || argv.includes("-h");
