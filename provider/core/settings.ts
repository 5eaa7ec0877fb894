import { MissingSettingError } from "./errors";

export interface SettingSpec {
  /** Full Pulumi config key, e.g. "helpdesk:zohoRefreshToken". */
  configKey: string;
  envVar: string;
  default?: string;
  /** One sentence on where the value comes from, added to the error when it is missing. */
  hint?: string;
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

  get(spec: SettingSpec): string | undefined {
    const value = this.config(spec.configKey) ?? this.env[spec.envVar];
    return value === undefined || value === "" ? spec.default : value;
  }

  require(spec: SettingSpec): string {
    const value = this.get(spec);
    if (value === undefined) throw new MissingSettingError(spec.configKey, spec.envVar, spec.hint ?? "");
    return value;
  }
}
