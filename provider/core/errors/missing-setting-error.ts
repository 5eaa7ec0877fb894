import { HelpdeskError } from "./helpdesk-error";

/** A credential or endpoint setting is absent from both Pulumi config and the environment. */
export class MissingSettingError extends HelpdeskError {
  constructor(readonly configKey: string, readonly envVar: string, hint: string) {
    super(`missing setting: set Pulumi config '${configKey}' (use --secret for credentials) or the environment variable ${envVar}. ${hint}`);
  }
}
