import { z } from "zod";
import { ResourceKindFactory } from "./core/resource-kind";
import { ZohoDeskProfileKind } from "./zohoDesk/profile";
import { profileArgsSchema } from "./zohoDesk/schema";

/** One resource kind: the token its state carries, the arguments' schema (docs come from it), and its logic. */
export interface RegisteredKind {
  /** "<vendor>:<Type>": the dynamic type token is pulumi-nodejs:dynamic/<vendor>:<Type>. */
  token: string;
  schema: z.ZodType;
  factory: ResourceKindFactory;
}

/** Every resource kind of the package. The runtime, the reference docs and their test read this list. */
export const registry: readonly RegisteredKind[] = [
  { token: "zohoDesk:Profile", schema: profileArgsSchema, factory: (settings) => new ZohoDeskProfileKind(settings) },
];
