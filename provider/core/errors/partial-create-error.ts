import { HelpdeskError } from "./helpdesk-error";

/**
 * The vendor object exists but could not be brought to the declared state, and could not be removed again.
 * Carrying its id lets the engine record it, so the next `up` repairs it instead of creating a duplicate.
 */
export class PartialCreateError extends HelpdeskError {
  constructor(message: string, readonly id: string, readonly outputs: Record<string, unknown>) {
    super(message);
  }
}
