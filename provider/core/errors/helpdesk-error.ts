/** Base class of every error this package throws, so callers can tell ours from the engine's. */
export class HelpdeskError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    // Our messages are complete; the dynamic-provider host prints `${error}: ${error.stack}` under the stack
    // resource for some failures, and a trace of our internals there only buries the message.
    if (!process.env.PULUMI_HELPDESK_DEBUG) this.stack = "(set PULUMI_HELPDESK_DEBUG=1 for a stack trace)";
  }
}
