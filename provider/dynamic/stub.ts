import * as pulumi from "@pulumi/pulumi";

/**
 * The module text the engine keeps as every resource's `__provider` (in its inputs and its outputs) and loads in
 * the dynamic-provider process. It holds nothing but the resource type and loads the installed package by name at
 * run time: state stays small, no secret is captured, and upgrading the package changes what refresh and destroy
 * run. The host calls `handler()` once per distinct text and then the returned object's methods.
 */
export function stubSource(token: string): string {
  return `exports.handler=()=>require("pulumi-helpdesk/runtime").handlerFor(${JSON.stringify(token)});`;
}

/**
 * The serialized provider object of releases up to 0.2, still used by resource classes built on
 * pulumi.dynamic.Resource. Keep it free of imports and outer variables: the closure serializer captures whatever
 * it references.
 */
export function stubFor(token: string): pulumi.dynamic.ResourceProvider {
  const provider = () => require("pulumi-helpdesk/runtime").providerFor(token);
  return {
    configure: async (req) => require("pulumi-helpdesk/runtime").configure(req.config),
    check: async (olds, news) => provider().check(olds, news),
    diff: async (id, olds, news) => provider().diff(id, olds, news),
    create: async (inputs) => provider().create(inputs),
    read: async (id, props) => provider().read(id, props),
    update: async (id, olds, news) => provider().update(id, olds, news),
    delete: async (id, props) => provider().delete(id, props),
  };
}
