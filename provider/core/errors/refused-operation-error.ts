import { HelpdeskError } from "./helpdesk-error";

/** We refuse to do something on purpose, before asking the vendor (it would fail or do harm). */
export class RefusedOperationError extends HelpdeskError {}
