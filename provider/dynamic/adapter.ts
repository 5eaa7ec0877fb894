import * as pulumi from "@pulumi/pulumi";
import { claimsOfThisRun } from "../core/claims";
import { PartialCreateError } from "../core/errors";
import { isTree, Tree } from "../core/leaves";
import { OWNER_INPUT, parseOwner } from "../core/ownership";
import { CheckFailure, ResourceContext, ResourceKind } from "../core/resource-kind";
import { PROGRAM_INPUT } from "./program";
import { KindLookup, ProgramListing, programListing } from "./program-listing";
import { restoreUnknowns, splitUnknowns, touchesUnknown } from "./unknowns";

/** The engine's reserved key holding the serialized provider; it is the engine's, never the vendor logic's. */
const PROVIDER_KEY = "__provider";
const RESERVED = [PROVIDER_KEY, OWNER_INPUT, PROGRAM_INPUT];
/** Kept in state beside the vendor's answer; the program listing is only for check and is never stored. */
const STORED = [PROVIDER_KEY, OWNER_INPUT];

function vendorPart(props: Tree | undefined): Tree {
  const rest: Tree = { ...(props ?? {}) };
  for (const key of RESERVED) delete rest[key];
  return rest;
}

function contextOf(props: Tree | undefined): ResourceContext {
  return { owner: parseOwner(props?.[OWNER_INPUT]) };
}

/** What the engine keeps beside the vendor's answer: the serialized provider and who owns the object. */
function reservedPart(props: Tree | undefined): Tree {
  return Object.fromEntries(STORED.filter((key) => props?.[key] !== undefined).map((key) => [key, props![key]]));
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The engine prints a failure as "property P value V has a problem", looking V up as a top-level input only:
 * a nested path would show {<nil>}. Nested failures therefore carry their path and value in the reason.
 * Top-level values stay with the engine, which masks secrets.
 */
function forEngine(failure: CheckFailure, inputs: Tree): CheckFailure {
  const value = inputAt(inputs, failure.property.split("."));
  if (failure.property === "" || (!failure.property.includes(".") && value !== undefined)) return failure;
  return { property: "", reason: `property ${failure.property} = ${render(value)}: ${failure.reason}` };
}

/** The input at a failure's path, which may step into a list ("privileges.0.role"). */
function inputAt(inputs: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((node, key) => (Array.isArray(node) ? node[Number(key)] : isTree(node) ? node[key] : undefined), inputs);
}

function render(value: unknown): string {
  if (value === undefined) return "(absent)";
  const text = JSON.stringify(value);
  return text.length <= 80 ? text : `${text.slice(0, 77)}...`;
}

/**
 * The engine cannot serialize an undefined value: one left in what a create returns (even on its failure path)
 * leaves the engine waiting forever. Keys holding undefined are dropped; an undefined list entry becomes null.
 */
function withoutUndefined<T>(value: T): T {
  if (Array.isArray(value)) return value.map((entry) => (entry === undefined ? null : withoutUndefined(entry))) as T;
  if (!isTree(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([, inner]) => inner !== undefined).map(([key, inner]) => [key, withoutUndefined(inner)])) as T;
}

/** Refuses, naming both resources, what another resource of the program also claims; records the rest. */
async function programWideFailures(kind: ResourceKind<any, any>, inputs: Tree, context: ResourceContext, listing: ProgramListing, kindFor: KindLookup): Promise<CheckFailure[]> {
  if (!context.owner) return [];
  const own = await kind.claims(inputs);
  const failures = await listing.collisions(context.owner, own, kindFor);
  if (failures.length === 0) claimsOfThisRun.record(context.owner, own);
  return failures;
}

/** The one place that turns a vendor ResourceKind into a pulumi.dynamic.ResourceProvider. */
export function toDynamicProvider(kind: ResourceKind<any, any>, kindFor: KindLookup): pulumi.dynamic.ResourceProvider {
  return {
    async check(olds, news) {
      const listing = await programListing(news[PROGRAM_INPUT]);
      const owner = contextOf(news).owner;
      const context = { owner, program: listing.othersThan(owner) };
      const { known, unknownPaths } = splitUnknowns(vendorPart(news));
      try {
        const outcome = await kind.check(vendorPart(olds), known, context);
        const programWide = outcome.failures.length === 0 ? await programWideFailures(kind, known, context, listing, kindFor) : [];
        const failures = [...outcome.failures, ...programWide]
          .filter((f) => !touchesUnknown(f.property, unknownPaths))
          .map((f) => forEngine(f, news));
        return { inputs: { ...restoreUnknowns(outcome.inputs ?? known, unknownPaths), ...reservedPart(news) }, failures };
      } catch (error) {
        // A failure (not a thrown error) keeps the message short and names the resource in the engine's output.
        return { inputs: { ...known, ...reservedPart(news) }, failures: [{ property: "", reason: message(error) }] };
      }
    },

    async diff(_id, olds, news) {
      const { changes, replaces } = await kind.diff(vendorPart(olds), vendorPart(news));
      return replaces?.length ? { changes: true, replaces, deleteBeforeReplace: true } : { changes };
    },

    async create(inputs) {
      try {
        const { id, outs } = await kind.create(vendorPart(inputs), contextOf(inputs));
        return { id, outs: withoutUndefined({ ...outs, ...reservedPart(inputs) }) };
      } catch (error) {
        if (error instanceof PartialCreateError) {
          // Shape the dynamic-provider host turns into ErrorResourceInitFailed: the engine records the object.
          throw Object.assign(new Error(error.message), {
            id: error.id,
            properties: withoutUndefined({ ...error.outputs, ...reservedPart(inputs) }),
            reasons: [error.message],
          });
        }
        throw error;
      }
    },

    async read(id, props) {
      const outcome = await kind.read(id, vendorPart(props), contextOf(props));
      // An empty id tells the engine the object is gone.
      if (!outcome) return { id: "", props: {} };
      const reserved = reservedPart(props);
      return { id: outcome.id, props: withoutUndefined({ ...outcome.props, ...reserved }), inputs: withoutUndefined({ ...outcome.inputs, ...reserved }) };
    },

    async update(id, olds, news) {
      const outs = await kind.update(id, vendorPart(olds), vendorPart(news), contextOf(news));
      return { outs: withoutUndefined({ ...outs, ...reservedPart(news) }) };
    },

    async delete(id, props) {
      await kind.delete(id, vendorPart(props), contextOf(props));
    },
  };
}
