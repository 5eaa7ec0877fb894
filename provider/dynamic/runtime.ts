import * as pulumi from "@pulumi/pulumi";
import { ResourceKindFactory } from "../core/resource-kind";
import { Settings } from "../core/settings";
import { ZohoDeskProfileKind } from "../zohoDesk/profile";
import { toDynamicProvider } from "./adapter";

/**
 * Loaded by the serialized stub (stub.ts) inside the dynamic-provider process, from the installed package, so
 * state written by any earlier release runs today's code. Keep this module's path and exports stable: old
 * state files name "pulumi-helpdesk/runtime" forever.
 */
const kinds: Record<string, ResourceKindFactory> = {
  "zohoDesk:Profile": (settings) => new ZohoDeskProfileKind(settings),
};

let settings = new Settings();
const providers = new Map<string, pulumi.dynamic.ResourceProvider>();

export function configure(config: { get(key: string): string | undefined }): void {
  settings = new Settings((key) => config.get(key));
  providers.clear();
}

export function providerFor(token: string): pulumi.dynamic.ResourceProvider {
  let provider = providers.get(token);
  if (!provider) {
    const factory = kinds[token];
    if (!factory) throw new Error(`pulumi-helpdesk ${require("../../../package.json").version} has no resource type ${token}; is an older package installed than the one that wrote this stack?`);
    provider = toDynamicProvider(factory(settings));
    providers.set(token, provider);
  }
  return provider;
}
