import type { Router } from "../core/router";
import type { SandboxRequest, SandboxResponse } from "../core/types";
import { API_PATH, currentUser, integerId } from "./auth";
import * as E from "./errors";
import { AVAILABILITIES, type Availability } from "./seed";
import { secureToken, type ChatwootStore } from "./store";
import { asString, castBoolean, emailErrors, isObject, nameErrors, passwordErrors, permitScalars, required } from "./validation";
import { profileView } from "./views";

/**
 * `resource :profile` (upstream config/routes.rb, app/controllers/api/v1/profiles_controller.rb): show and update (PUT
 * and PATCH), availability and auto_offline per account, set_active_account, reset_access_token. No account scope: any
 * valid user token works, whatever the state of its accounts.
 */
export function addProfileRoutes(r: Router, store: ChatwootStore): void {
  const at = (method: string, path: string, h: (req: SandboxRequest) => SandboxResponse) => r.add(method, API_PATH + path, h);
  const ok = (userId: number): SandboxResponse => ({ status: 200, body: profileView(store, store.users.get(userId)!) });

  at("GET", "/profile", (req) => ok(currentUser(store, req).id));

  const update = (req: SandboxRequest): SandboxResponse => {
    const user = currentUser(store, req);
    const p = required(req, "profile");
    // The password runs first and is saved by its own update!, so a later profile error does not undo it.
    const pw = permitScalars(p, ["current_password", "password", "password_confirmation"]);
    const password = asString(pw.password);
    if (password !== null && password.trim() !== "") {
      if (asString(pw.current_password) !== user.password) return E.invalidCurrentPassword();
      const errors = passwordErrors(password, pw.password_confirmation === undefined ? undefined : asString(pw.password_confirmation));
      if (errors.length > 0) return E.recordInvalid(errors);
      user.password = password;
      user.updatedAt = store.now();
    }
    // Permitted: email, name, display_name, message_signature, account_id (not a user column: ignored), ui_settings {}.
    const f = permitScalars(p, ["email", "name", "display_name", "message_signature"]);
    const name = "name" in f ? asString(f.name) : user.name;
    const displayName = "display_name" in f ? asString(f.display_name) : user.displayName;
    const email = "email" in f ? asString(f.email) : user.email;
    const emailChanged = email?.toLowerCase() !== user.email;
    const errors = [
      ...(emailChanged ? emailErrors(email, (e) => [...store.users.values()].some((u) => u.id !== user.id && u.email === e)) : []),
      ...nameErrors(name, displayName),
    ];
    if (errors.length > 0) return E.recordInvalid(errors);
    user.name = name!;
    user.displayName = displayName;
    if ("message_signature" in f) user.messageSignature = asString(f.message_signature);
    if (isObject(p.ui_settings)) user.uiSettings = p.ui_settings;
    // phone_number is kept in custom_attributes.
    const phone = permitScalars(p, ["phone_number"]);
    if ("phone_number" in phone) user.customAttributes = { ...user.customAttributes, phone_number: phone.phone_number };
    // devise :confirmable with reconfirmable: a new email waits in unconfirmed_email until confirmed; `email` stays.
    if (emailChanged) user.unconfirmedEmail = email!.toLowerCase();
    user.updatedAt = store.now();
    return ok(user.id);
  };
  at("PUT", "/profile", update);
  at("PATCH", "/profile", update);

  /** Availability is per account and set here, not by the profile update (`profile: {account_id, availability}`). */
  at("POST", "/profile/availability", (req) => {
    const user = currentUser(store, req);
    const p = required(req, "profile");
    const m = store.membership(integerId(asString(p.account_id) ?? ""), user.id) ?? E.fail(E.notFound());
    const value = asString(permitScalars(p, ["availability"]).availability ?? null);
    // An unknown enum value raises ArgumentError, nil violates NOT NULL: both uncaught, 500.
    if (value === null || !AVAILABILITIES.includes(value as Availability)) return E.internalError();
    m.availability = value as Availability;
    m.updatedAt = store.now();
    return ok(user.id);
  });

  at("POST", "/profile/auto_offline", (req) => {
    const user = currentUser(store, req);
    const p = required(req, "profile");
    const m = store.membership(integerId(asString(p.account_id) ?? ""), user.id) ?? E.fail(E.notFound());
    m.autoOffline = castBoolean(permitScalars(p, ["auto_offline"]).auto_offline) ?? false;
    m.updatedAt = store.now();
    return ok(user.id);
  });

  /** `find_by(...).update(active_at:)`: not a member → nil.update → NoMethodError → 500. */
  at("PUT", "/profile/set_active_account", (req) => {
    const user = currentUser(store, req);
    const p = required(req, "profile");
    const m = store.membership(integerId(asString(p.account_id) ?? ""), user.id);
    if (!m) return E.internalError();
    m.activeAt = store.now();
    return { status: 200 };
  });

  at("POST", "/profile/reset_access_token", (req) => {
    const user = currentUser(store, req);
    user.accessToken = secureToken();
    return ok(user.id);
  });
}
