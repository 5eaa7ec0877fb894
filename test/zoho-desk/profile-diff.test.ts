import { describe, expect, it } from "vitest";
import { Settings } from "../../provider/core/settings";
import { ZohoDeskProfileKind } from "../../provider/zohoDesk/profile";
import { outputsFor } from "../../provider/zohoDesk/profile-state";
import { LiveProfile, ProfileArgs } from "../../provider/zohoDesk/schema";

// The desired-vs-live diff is vendor logic: no engine, no network.
const kind = new ZohoDeskProfileKind(new Settings());
const live: LiveProfile = {
  id: "4000000021001",
  name: "Tier 1 Agents",
  description: "First line",
  permissions: { tickets: { view: true, delete: true, export: false }, setup: { chat: true } },
  isVisible: true,
};
const declared: ProfileArgs = { name: "Tier 1 Agents", permissions: { tickets: { view: true, delete: true } } };

describe("zohoDesk.Profile diff", () => {
  it("finds nothing when every declared leaf matches, whatever the undeclared ones are", async () => {
    expect(await kind.diff(outputsFor(declared, live), declared)).toEqual({ changes: false, changedPaths: [] });
  });

  it("names each declared leaf that differs from the live profile", async () => {
    const wanted: ProfileArgs = { ...declared, permissions: { tickets: { view: true, delete: false }, setup: { chat: false } } };
    expect((await kind.diff(outputsFor(declared, live), wanted)).changedPaths).toEqual(["permissions.tickets.delete", "permissions.setup.chat"]);
  });

  it("owns the description only once the program declares it", async () => {
    expect((await kind.diff(outputsFor(declared, live), { ...declared, description: "Night shift" })).changedPaths).toEqual(["description"]);
  });

  it("counts a changed delete-time setting as a change, though nothing is sent for it", async () => {
    expect(await kind.diff(outputsFor(declared, live), { ...declared, transferToProfile: "Agent" })).toEqual({ changes: true, changedPaths: ["transferToProfile"] });
  });
});
