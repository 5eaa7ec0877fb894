import { InvalidSettingError, MissingSettingError } from "./errors";
import { settingProblem } from "./setting-rules";

export interface SettingSpec {
  /** Full Pulumi config key, e.g. "helpdesk:zohoRefreshToken". */
  configKey: string;
  envVar: string;
  default?: string;
  /** One sentence on where the value comes from, added to the error when it is missing. */
  hint?: string;
  /** Never shown in an error, not even when it is malformed. */
  secret?: boolean;
  /** "http-url": an absolute http(s) URL (an API base or an auth server). */
  format?: "http-url";
  /** A vendor's own rule: what is wrong with the value (the end of "the value ..."), or undefined. */
  rule?: (value: string) => string | undefined;
}

/** Where settings come from: the stack's config (secrets already decrypted by the engine). */
export type ConfigSource = (key: string) => string | undefined;

/**
 * Credential and endpoint lookup: Pulumi config first (it is per stack and can be a secret), then the
 * environment. Values are read when an operation runs, never captured at program time, so they never reach
 * the serialized provider in the state file, and rotating a credential needs no `pulumi up`.
 */
export class Settings {
  constructor(private readonly config: ConfigSource = () => undefined, private readonly env: NodeJS.ProcessEnv = process.env) {}

  /** The value, or undefined when unset; throws InvalidSettingError when it is set to something unusable. */
  get(spec: SettingSpec): string | undefined {
    const value = this.config(spec.configKey) ?? this.env[spec.envVar];
    if (value === undefined || value === "") return spec.default;
    const problem = settingProblem(spec, value);
    if (problem) throw new InvalidSettingError(spec.configKey, spec.envVar, problem, spec.secret ? undefined : value);
    return value;
  }

  require(spec: SettingSpec): string {
    const value = this.get(spec);
    if (value === undefined) throw new MissingSettingError(spec.configKey, spec.envVar, spec.hint ?? "");
    return value;
  }
}
