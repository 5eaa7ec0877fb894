import { describe, expect, it } from "vitest";
import { PartialCreateError } from "../../provider/core/errors";
import { CheckFailure, DiffOutcome, ResourceKind } from "../../provider/core/resource-kind";
import { toDynamicProvider } from "../../provider/dynamic/adapter";

/** A kind whose answers each test sets: what the adapter makes of them is what is under test. */
function kindAnswering(answers: { failures?: CheckFailure[]; diff?: DiffOutcome; outs?: Record<string, unknown>; partial?: Record<string, unknown> }): ResourceKind<any, any> {
  return {
    check: async (_olds, news) => ({ inputs: news, failures: answers.failures ?? [] }),
    diff: async () => answers.diff ?? { changes: false, changedPaths: [] },
    create: async () => {
      if (answers.partial) throw new PartialCreateError("the second write failed", "42", answers.partial);
      return { id: "42", outs: answers.outs ?? {} };
    },
    read: async () => ({ id: "42", props: answers.outs ?? {}, inputs: answers.outs ?? {} }),
    update: async () => answers.outs ?? {},
    delete: async () => undefined,
    claims: async () => [],
  };
}

const providerFor = (kind: ResourceKind<any, any>) => toDynamicProvider(kind, () => undefined);

describe("the dynamic adapter between a kind and the engine", () => {
  it("a failure inside a list shows the value at that path, not (absent)", async () => {
    const inputs = { name: "Team Leads", permissions: ["conversation_manage", "report_manag"], privileges: [{ team: 7001, role: "Team Lead" }] };
    const provider = providerFor(kindAnswering({
      failures: [
        { property: "permissions.1", reason: "unknown permission 'report_manag'" },
        { property: "privileges.0.role", reason: "role must be one of Team Manager, Team Agent, Team Analyst" },
      ],
    }));
    const { failures } = await provider.check!({}, inputs);
    expect(failures!.map((f) => f.reason)).toEqual([
      `property permissions.1 = "report_manag": unknown permission 'report_manag'`,
      `property privileges.0.role = "Team Lead": role must be one of Team Manager, Team Agent, Team Analyst`,
    ]);
  });

  it("a replacement names the property the kind says forces it", async () => {
    const provider = providerFor(kindAnswering({ diff: { changes: true, replaces: ["email"], changedPaths: ["email"] } }));
    expect(await provider.diff!("42", { email: "a@acme.test" }, { email: "b@acme.test" })).toEqual({ changes: true, replaces: ["email"], deleteBeforeReplace: true });
  });

  it("a change without replaces is an update", async () => {
    const provider = providerFor(kindAnswering({ diff: { changes: true, changedPaths: ["name"] } }));
    expect(await provider.diff!("42", { name: "a" }, { name: "b" })).toEqual({ changes: true });
  });

  const withHoles = { userId: 42, lastName: undefined, customAttributes: { location: "Leeds", business: undefined }, teamRoles: [{ team: 7001, role: undefined }, undefined] };
  const withoutHoles = { userId: 42, customAttributes: { location: "Leeds" }, teamRoles: [{ team: 7001 }, null] };

  it("undefined values never reach the engine: create, read and update answer without them, at any depth", async () => {
    const provider = providerFor(kindAnswering({ outs: withHoles }));
    expect((await provider.create!({})).outs).toStrictEqual(withoutHoles);
    const read = await provider.read!("42", {});
    expect(read.props).toStrictEqual(withoutHoles);
    expect(read.inputs).toStrictEqual(withoutHoles);
    expect((await provider.update!("42", {}, {})).outs).toStrictEqual(withoutHoles);
  });

  it("a partial create hands the engine the object's properties without undefined values", async () => {
    const provider = providerFor(kindAnswering({ partial: withHoles }));
    const failure = await provider.create!({}).then(() => undefined, (error: unknown) => error as { id: string; properties: unknown });
    expect(failure).toMatchObject({ id: "42" });
    expect(failure!.properties).toStrictEqual(withoutHoles);
  });
});
