/** A command's options: each takes one value; `--help` is always known. */
export interface OptionSpec {
  usage: string;
  options: Record<string, string>;
}

/**
 * `--name value` and `--name=value` pairs, nothing positional. An unknown option or one without its value is an
 * error naming the option and listing the known ones; `help: true` when --help was asked for.
 */
export function parseArgv(argv: string[], spec: OptionSpec): { values: Record<string, string>; help: boolean } {
  const values: Record<string, string> = {};
  const known = Object.keys(spec.options).map((name) => `--${name}`).join(", ");
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--help" || arg === "-h") return { values, help: true };
    if (!arg.startsWith("-")) throw new Error(`unexpected argument ${JSON.stringify(arg)}: the command takes options only (${known}), each followed by its value\n${spec.usage}`);
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match || !Object.hasOwn(spec.options, match[1])) throw new Error(`unknown option ${JSON.stringify(arg)}; options: ${known}\n${spec.usage}`);
    const value = match[2] ?? argv[i + 1];
    if (value === undefined || value === "" || (match[2] === undefined && value.startsWith("--"))) throw new Error(`option --${match[1]} needs a value: ${spec.options[match[1]]}`);
    if (match[2] === undefined) i++;
    values[match[1]] = value;
  }
  return { values, help: false };
}

export function helpText(spec: OptionSpec): string {
  const width = Math.max(...Object.keys(spec.options).map((name) => name.length)) + 4;
  return [spec.usage, "", ...Object.entries(spec.options).map(([name, what]) => `  --${name.padEnd(width - 2)}${what}`), ""].join("\n");
}
