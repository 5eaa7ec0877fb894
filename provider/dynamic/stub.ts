/**
 * The module text the engine keeps as every resource's `__provider` (in its inputs and its outputs) and loads in
 * the dynamic-provider process. It holds nothing but the resource type and loads the installed package by name at
 * run time: state stays small, no secret is captured, and upgrading the package changes what refresh and destroy
 * run. The host calls `handler()` once per distinct text and then the returned object's methods.
 */
export function stubSource(token: string): string {
  return `exports.handler=()=>require("pulumi-helpdesk/runtime").handlerFor(${JSON.stringify(token)});`;
}
