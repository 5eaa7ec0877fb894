import * as pulumi from "@pulumi/pulumi";
import { PartialCreateError } from "../core/errors";
import { Tree } from "../core/leaves";
import { ResourceKind } from "../core/resource-kind";
import { restoreUnknowns, splitUnknowns, touchesUnknown } from "./unknowns";

/** The engine's reserved key holding the serialized provider; it is the engine's, never the vendor logic's. */
const PROVIDER_KEY = "__provider";

function withoutProviderKey(props: Tree | undefined): Tree {
  const { [PROVIDER_KEY]: _ignored, ...rest } = props ?? {};
  return rest;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The one place that turns a vendor ResourceKind into a pulumi.dynamic.ResourceProvider. */
export function toDynamicProvider(kind: ResourceKind<any, any>): pulumi.dynamic.ResourceProvider {
  return {
    async check(olds, news) {
      const { known, unknownPaths } = splitUnknowns(withoutProviderKey(news));
      try {
        const outcome = await kind.check(known, withoutProviderKey(olds));
        const failures = outcome.failures.filter((f) => !touchesUnknown(f.property, unknownPaths));
        return { inputs: restoreUnknowns(outcome.inputs ?? known, unknownPaths), failures };
      } catch (error) {
        // A failure (not a thrown error) keeps the message short and names the resource in the engine's output.
        return { inputs: news, failures: [{ property: "", reason: message(error) }] };
      }
    },

    async diff(_id, olds, news) {
      const { changes } = kind.diff(withoutProviderKey(olds), withoutProviderKey(news));
      return { changes };
    },

    async create(inputs) {
      try {
        const { id, outs } = await kind.create(withoutProviderKey(inputs));
        return { id, outs };
      } catch (error) {
        if (error instanceof PartialCreateError) {
          // Shape the dynamic-provider host turns into ErrorResourceInitFailed: the engine records the object.
          throw Object.assign(new Error(error.message), {
            id: error.id,
            properties: { ...error.outputs, [PROVIDER_KEY]: inputs[PROVIDER_KEY] },
            reasons: [error.message],
          });
        }
        throw error;
      }
    },

    async read(id, props) {
      const outcome = await kind.read(id, withoutProviderKey(props));
      // An empty id tells the engine the object is gone.
      if (!outcome) return { id: "", props: {} };
      return { id: outcome.id, props: outcome.props, inputs: outcome.inputs };
    },

    async update(id, olds, news) {
      return { outs: await kind.update(id, withoutProviderKey(olds), withoutProviderKey(news)) };
    },

    async delete(id, props) {
      await kind.delete(id, withoutProviderKey(props));
    },
  };
}
