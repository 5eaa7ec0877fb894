import * as pulumi from "@pulumi/pulumi";
import { ResourceKind } from "./core/resource-kind";
import { Settings } from "./core/settings";
import { userAgent } from "./core/user-agent";
import { toDynamicProvider } from "./dynamic/adapter";
import { registry } from "./registry";

/**
 * Loaded by the serialized stub (dynamic/stub.ts) inside the dynamic-provider process, from the installed package, so
 * state written by any earlier release runs today's code. Keep this module's path and exports stable: old
 * state files name "pulumi-helpdesk/runtime" forever.
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
