/** One resource of the exported program: `new <kind>("<name>", <args>)`, adopting a live object. */
export interface ExportedResource {
  /** The class as the program writes it, e.g. "zohoDesk.Profile". */
  kind: string;
  name: string;
  args: Record<string, unknown>;
  /** Comment lines written above the resource (what the export could not carry into arguments). */
  notes?: string[];
}

/** What an exporter read from one account, ready to be written as a program. */
export interface ExportPlan {
  /** The package namespaces the program imports, e.g. ["zohoDesk"]. */
  namespaces: string[];
  /** Where the program came from, without any secret: the account and the options. */
  heading: string[];
  resources: ExportedResource[];
  /** Objects left out, one line each, with the reason. */
  leftOut: string[];
}

export type PermissionsMode = "full" | "diff";
export type SystemMode = "skip" | "permission-sets";

export interface ExportOptions {
  permissions: PermissionsMode;
  system: SystemMode;
  /** The connection the settings are read through; every resource carries it. */
  connection?: string;
}

/** The `connection` argument, only when the export was read through a named connection. */
export const connectionArgs = (options: ExportOptions): Record<string, unknown> => (options.connection ? { connection: options.connection } : {});
