import * as pulumi from "@pulumi/pulumi";

/** Resource arguments: each top-level field may be a plain value or another resource's output. */
export type Inputs<T> = { [K in keyof T]: pulumi.Input<T[K]> };
