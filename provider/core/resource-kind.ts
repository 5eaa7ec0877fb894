import { Claim } from "./claims";
import { ResourceOwner } from "./ownership";
import { Settings } from "./settings";

export interface CheckFailure {
  /** Dotted path of the input, e.g. "permissions.tickets.delete"; "" for the resource as a whole. */
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
  /**
   * Set when the recorded object cannot be updated in place: what forces the replacement (a changed input the vendor
   * never updates, or the recorded id when the object is gone). The preview names these; the engine deletes the
   * record, then creates anew.
   */
  replaces?: string[];
}

export interface ReadOutcome<Inputs, Outputs> {
  id: string;
  props: Outputs;
  /** Inputs rewritten to the live values of what the program declares, so a preview after refresh is exact. */
  inputs: Inputs;
}

/** Another resource of the same program, as declared: its type token, owner, and the plain values of its inputs. */
export interface ProgramEntry {
  type: string;
  owner: string;
  inputs: Record<string, unknown>;
}

/** Who is asking: the resource of the program (undefined for state written before 0.2, which did not record it). */
export interface ResourceContext {
  owner?: ResourceOwner;
  /** At check time: the program's other resources, for checks that need the whole program. */
  program?: ProgramEntry[];
}

/**
 * What one vendor resource type must implement, in vendor terms. Nothing here knows about Pulumi: the dynamic
 * adapter (provider/dynamic) turns a kind into a pulumi.dynamic.ResourceProvider.
 *
 * `olds` passed to diff/update/read/delete are the outputs recorded in state (refresh updates them), so
 * comparisons are always against the last known live values.
 */
export interface ResourceKind<Inputs, Outputs> {
  check(olds: Record<string, unknown>, news: Record<string, unknown>, context: ResourceContext): Promise<CheckOutcome<Inputs>>;
  diff(olds: Outputs, news: Inputs): Promise<DiffOutcome>;
  create(inputs: Inputs, context: ResourceContext): Promise<{ id: string; outs: Outputs }>;
  read(id: string, olds: Outputs, context: ResourceContext): Promise<ReadOutcome<Inputs, Outputs> | undefined>;
  update(id: string, olds: Outputs, news: Inputs, context: ResourceContext): Promise<Outputs>;
  delete(id: string, olds: Outputs, context: ResourceContext): Promise<void>;
  /**
   * What a resource with these (unchecked) inputs manages, so two resources of one program claiming the same
   * thing are refused; [] when the inputs are not valid (their own check reports that).
   */
  claims(inputs: Record<string, unknown>): Promise<Claim[]>;
}

export type ResourceKindFactory = (settings: Settings) => ResourceKind<any, any>;
