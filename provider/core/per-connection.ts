import { ResourceKind, ResourceKindFactory } from "./resource-kind";
import { Settings } from "./settings";

/** The resource argument that names the vendor account a resource lives in; absent means the default one. */
export const CONNECTION_ARGUMENT = "connection";

const connectionOf = (props: Record<string, unknown> | undefined): string | undefined =>
  typeof props?.[CONNECTION_ARGUMENT] === "string" ? (props[CONNECTION_ARGUMENT] as string) : undefined;

/**
 * Turns a kind that works against one vendor account into one that serves every account a program names: each
 * call goes to the kind bound to the resource's `connection` (from the program at check and create, from the
 * state afterwards). An object stays in the account it was created in, so changing the argument later is refused.
 */
export function perConnection(bind: (settings: Settings, connection: string | undefined) => ResourceKind<any, any>): ResourceKindFactory {
  return (settings) => {
    const bound = new Map<string | undefined, ResourceKind<any, any>>();
    const on = (connection: string | undefined) => {
      if (!bound.has(connection)) bound.set(connection, bind(settings, connection));
      return bound.get(connection)!;
    };
    const kind: ResourceKind<any, any> = {
      async check(olds, news, context) {
        const before = connectionOf(olds);
        const created = Object.keys(olds).length > 0;
        if (created && before !== connectionOf(news)) {
          const was = before === undefined ? "the default connection" : `connection '${before}'`;
          return {
            failures: [{
              property: CONNECTION_ARGUMENT,
              reason: `this resource was created through ${was} and stays in that account; put back connection: ${before === undefined ? "(absent)" : `"${before}"`}, or declare a new resource for the other account`,
            }],
          };
        }
        return on(connectionOf(news)).check(olds, news, context);
      },
      claims: (inputs) => on(connectionOf(inputs)).claims(inputs),
      diff: (olds, news) => on(connectionOf(olds)).diff(olds, news),
      create: (inputs, context) => on(connectionOf(inputs)).create(inputs, context),
      read: (id, olds, context) => on(connectionOf(olds)).read(id, olds, context),
      update: (id, olds, news, context) => on(connectionOf(olds)).update(id, olds, news, context),
      delete: (id, olds, context) => on(connectionOf(olds)).delete(id, olds, context),
    };
    return kind;
  };
}
