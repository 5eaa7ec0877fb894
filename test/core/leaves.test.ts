import { describe, expect, it } from "vitest";
import { changedLeaves, leafPaths, pickLeaves } from "../../provider/core/leaves";

describe("leaf diff", () => {
  const declared = { tickets: { delete: false, view: true }, setup: { chat: true } };
  const live = { tickets: { delete: true, view: true, export: true }, setup: { chat: true, telephony: false } };

  it("lists only the declared leaves whose live value differs", () => {
    expect(changedLeaves(declared, live)).toEqual([["tickets", "delete"]]);
  });

  it("counts a declared leaf the vendor lacks as a change", () => {
    expect(changedLeaves({ tickets: { brandNew: true } }, live)).toEqual([["tickets", "brandNew"]]);
  });

  it("picks live values in the declared shape, ignoring everything undeclared", () => {
    expect(pickLeaves(declared, live)).toEqual({ tickets: { delete: true, view: true }, setup: { chat: true } });
  });

  it("walks leaves in declaration order and skips undefined ones", () => {
    expect(leafPaths({ a: { b: 1, c: undefined }, d: [1] })).toEqual([["a", "b"], ["d"]]);
  });
});
