/** Base class of every error this package throws, so callers can tell ours from the engine's. */
export class HelpdeskError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}
