// The trivial twin of a benchmark program: one dynamic resource per resource of ours whose provider only echoes its
// inputs, padded so that each twin's state record (inputs, outputs, `__provider`) has the bytes of ours. It takes
// the same arguments as ours (same keys, same values) and declares the same outputs, so the SDK's work per property
// in the program is the same too. Same CLI, same backend, same dynamic-provider host: the ratio is our own overhead.

/** The whole provider: no check, diff, read or update (the host then echoes), a create that echoes. */
const ECHO = `exports.handler=()=>({create:async(i)=>({id:i.n,outs:i})});`;

/** Module text of exactly `bytes` (a trailing comment pads it), never shorter than the echo itself. */
export function echoModule(bytes: number): string {
  return bytes > ECHO.length + 2 ? `${ECHO}//${"x".repeat(bytes - ECHO.length - 2)}` : ECHO;
}

export interface Twin {
  name: string;
  on: boolean;
  pad: number;
  providerBytes: number;
  /** Our resource's arguments as recorded, and the names of the outputs it declares besides them. */
  args: Record<string, unknown>;
  outputs: string[];
}

/** One of our resources' state record (as `pulumi stack export` holds it), which its twin must match in bytes. */
export interface OurRecord { name: string; record: Record<string, any> }

export const TRIVIAL_TYPE = "pulumi-nodejs:dynamic/bench:Trivial";

/** Pads so that the twin's whole state record (inputs, the echoed outputs, dependencies, URN) is as long as ours. */
export function twinsFor(records: OurRecord[], on: (i: number) => boolean): Twin[] {
  return records.map((r, i) => {
    const providerBytes = Buffer.byteLength(String(r.record.outputs?.__provider ?? ""));
    const { __provider: _provider, ...args } = (r.record.inputs ?? {}) as Record<string, unknown>;
    const outputs = Object.keys(r.record.outputs ?? {}).filter((key) => !(key in (r.record.inputs ?? {})));
    const bare = { name: r.name, on: on(i), pad: 0, providerBytes, args, outputs };
    const pad = Math.floor((bytes(r.record) - bytes(twinRecord(r.record, bare))) / 2);
    return { ...bare, pad: Math.max(0, pad) };
  });
}

const bytes = (value: unknown) => Buffer.byteLength(JSON.stringify(value));

function inputsOf(t: Twin): Record<string, unknown> {
  return { ...t.args, n: t.name, on: t.on, pad: "x".repeat(t.pad), __provider: echoModule(t.providerBytes) };
}

/** The record the twin will have: ours with the twin's type, URN, inputs, outputs and property dependencies. */
function twinRecord(ours: Record<string, any>, t: Twin): Record<string, unknown> {
  const inputs = inputsOf(t);
  const urn = String(ours.urn).replace(/::bench-ours-/, "::bench-trivial-").replace(String(ours.type), TRIVIAL_TYPE);
  const dependencies = ours.propertyDependencies ? { propertyDependencies: Object.fromEntries(Object.keys(inputs).filter((k) => k !== "__provider").map((k) => [k, []])) } : {};
  return { ...ours, urn, type: TRIVIAL_TYPE, id: t.name, inputs, outputs: inputs, ...dependencies };
}

export function trivialProgram(twins: Twin[]): string {
  const rows = twins.map((t) => JSON.stringify([t.name, t.on, t.pad, t.providerBytes, t.args, t.outputs])).join(",\n  ");
  return `import * as pulumi from "@pulumi/pulumi";
const ECHO = ${JSON.stringify(ECHO)};
const echoModule = (bytes: number) => (bytes > ECHO.length + 2 ? ECHO + "//" + "x".repeat(bytes - ECHO.length - 2) : ECHO);
class Trivial extends pulumi.CustomResource {
  constructor(n: string, on: boolean, pad: number, providerBytes: number, args: Record<string, unknown>, outputs: string[]) {
    const declared = Object.fromEntries(outputs.map((output) => [output, undefined]));
    super(${JSON.stringify(TRIVIAL_TYPE)}, n, { ...args, ...declared, n, on, pad: "x".repeat(pad), __provider: echoModule(providerBytes) });
  }
}
const twins: Array<[string, boolean, number, number, Record<string, unknown>, string[]]> = [
  ${rows},
];
for (const [n, on, pad, providerBytes, args, outputs] of twins) new Trivial(n, on, pad, providerBytes, args, outputs);
`;
}
