import * as pulumi from "@pulumi/pulumi";
import { reservedInputs } from "./program";
import { stubSource } from "./stub";

/**
 * Base of every resource class: a dynamic resource (type pulumi-nodejs:dynamic/<vendor>:<Type>) whose `__provider`
 * is the few bytes of stubSource rather than a serialized closure. pulumi.dynamic.Resource would serialize a
 * provider object (2.3 KB, stored twice per resource); the engine's dynamic-provider host only needs module text
 * exporting `handler`, which this is.
 */
export abstract class HelpdeskResource extends pulumi.CustomResource {
  /**
   * @param token "<vendor>:<Type>", as in provider/registry.ts
   * @param outputs the names of outputs the vendor sets, declared so the engine fills them in
   * @param listed what other resources' checks see of the arguments (default all; a write-only secret is left out)
   */
  protected constructor(token: string, name: string, args: object, outputs: readonly string[], opts?: pulumi.CustomResourceOptions, listed: object = args) {
    const [vendor, type] = token.split(":");
    const declared = Object.fromEntries(outputs.map((output) => [output, undefined]));
    super(
      `pulumi-nodejs:dynamic/${vendor}:${type}`,
      name,
      { ...args, ...reservedInputs(token, name, listed as Record<string, unknown>), ...declared, __provider: stubSource(token) },
      opts,
    );
  }
}
