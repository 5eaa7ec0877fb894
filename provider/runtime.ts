import * as pulumi from "@pulumi/pulumi";
import { ResourceKind } from "./core/resource-kind";
import { Settings } from "./core/settings";
import { userAgent } from "./core/user-agent";
import { toDynamicProvider } from "./dynamic/adapter";
import { registry } from "./registry";

/**
 * Loaded by each resource's `__provider` stub (dynamic/stub.ts) inside the dynamic-provider process, from the
 * installed package, so state written by any earlier release runs today's code. Keep this module's path and exports
 * stable: old state files name "pulumi-helpdesk/runtime" forever (up to 0.1 a serialized closure calling
 * `configure` and `providerFor`; since then `handlerFor`).
 */
const factories = new Map(registry.map((entry) => [entry.token, entry.factory]));

let settings = new Settings();
const kinds = new Map<string, ResourceKind<any, any>>();
const providers = new Map<string, pulumi.dynamic.ResourceProvider>();

/** Called once per resource type's stub with the same stack config; the first call wins, so caches survive. */
let configured = false;

export function configure(config: { get(key: string): string | undefined }): void {
  if (configured) return;
  configured = true;
  settings = new Settings((key) => config.get(key));
  kinds.clear();
  providers.clear();
}

function kindFor(token: string): ResourceKind<any, any> | undefined {
  let kind = kinds.get(token);
  const factory = factories.get(token);
  if (!kind && factory) {
    kind = factory(settings);
    kinds.set(token, kind);
  }
  return kind;
}

export function providerFor(token: string): pulumi.dynamic.ResourceProvider {
  let provider = providers.get(token);
  if (!provider) {
    const kind = kindFor(token);
    if (!kind) throw new Error(`${userAgent} has no resource type ${token}; is an older package installed than the one that wrote this stack?`);
    provider = toDynamicProvider(kind, kindFor);
    providers.set(token, provider);
  }
  return provider;
}

/**
 * What a resource's `__provider` text (dynamic/stub.ts) hands the engine's host: the configure hook and each
 * method, resolved when called, so configuration applied by the host first reaches the kinds.
 */
export function handlerFor(token: string): pulumi.dynamic.ResourceProvider {
  return {
    configure: async (req) => configure(req.config),
    check: (olds, news) => providerFor(token).check!(olds, news),
    diff: (id, olds, news) => providerFor(token).diff!(id, olds, news),
    create: (inputs) => providerFor(token).create(inputs),
    read: (id, props) => providerFor(token).read!(id, props),
    update: (id, olds, news) => providerFor(token).update!(id, olds, news),
    delete: (id, props) => providerFor(token).delete!(id, props),
  };
}
