import { Settings } from "./settings";

export interface CheckFailure {
  /** Dotted path of the input, e.g. "permissions.tickets.delete". */
  property: string;
  /** The rule that was broken, in words a user can act on. */
  reason: string;
}

export interface CheckOutcome<Inputs> {
  inputs?: Inputs;
  failures: CheckFailure[];
}

export interface DiffOutcome {
  changes: boolean;
  /** Dotted paths of what differs; the engine renders its own view of the change, these are for tests and logs. */
  changedPaths: string[];
}

export interface ReadOutcome<Inputs, Outputs> {
  id: string;
  props: Outputs;
  /** Inputs rewritten to the live values of what the program declares, so a preview after refresh is exact. */
  inputs: Inputs;
}

/**
 * What one vendor resource type must implement, in vendor terms. Nothing here knows about Pulumi: the dynamic
 * adapter (provider/dynamic) turns a kind into a pulumi.dynamic.ResourceProvider.
 *
 * `olds` passed to diff/update/read/delete are the outputs recorded in state (refresh updates them), so
 * comparisons are always against the last known live values.
 */
export interface ResourceKind<Inputs, Outputs> {
  check(news: Record<string, unknown>, olds: Record<string, unknown>): Promise<CheckOutcome<Inputs>>;
  diff(olds: Outputs, news: Inputs): DiffOutcome;
  create(inputs: Inputs): Promise<{ id: string; outs: Outputs }>;
  read(id: string, olds: Outputs): Promise<ReadOutcome<Inputs, Outputs> | undefined>;
  update(id: string, olds: Outputs, news: Inputs): Promise<Outputs>;
  delete(id: string, olds: Outputs): Promise<void>;
}

export type ResourceKindFactory = (settings: Settings) => ResourceKind<any, any>;
