import * as pulumi from "@pulumi/pulumi";

/**
 * The provider object the engine serializes into every resource's state. It holds nothing but the resource
 * type and forwards each call to the installed package, loaded by name at run time: state stays small, no
 * secret or module graph is captured, and upgrading the package changes what refresh and destroy run.
 * Keep it free of imports and outer variables: the closure serializer captures whatever it references.
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
