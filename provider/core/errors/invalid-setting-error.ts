import { HelpdeskError } from "./helpdesk-error";

/** A setting has a value that can never work (not a URL, a line break in a header value); no retry can help. */
export class InvalidSettingError extends HelpdeskError {
  /** `problem` completes "the value ... "; `shownValue` is left out for secrets, whose errors name only the rule. */
  constructor(readonly configKey: string, readonly envVar: string, problem: string, shownValue?: string) {
    const value = shownValue === undefined ? "(a secret, not shown)" : JSON.stringify(shownValue);
    super(`invalid setting: Pulumi config '${configKey}' / environment variable ${envVar}: the value ${value} ${problem}.`);
  }
}
