import { HelpdeskError } from "../core/errors";
import { Settings } from "../core/settings";
import { ZohoConnection } from "../zoho/connection";
import { ZohoCrmClient } from "./client";
import { PermissionCatalogue } from "./permission-catalogue";
import { ProfileDirectory } from "./profile-directory";
import { CrmPermissions, DetailedProfile } from "./schema";

/**
 * One Zoho CRM org as every resource kind of a provider process sees it: one client (one rate and concurrency
 * limiter, Zoho's limits being per org), one profile listing, and the org's permission catalogue.
 */
export class CrmAccount {
  /** Names the org in claim keys: a digest of its API address and credentials (CRM answers never carry an org id). */
  readonly key: string;
  readonly client: ZohoCrmClient;
  readonly profiles: ProfileDirectory;
  private catalogueOf?: Promise<PermissionCatalogue>;
  private readonly detailed = new Map<string, Promise<DetailedProfile | undefined>>();

  constructor(connection: ZohoConnection) {
    this.key = connection.fingerprint(connection.crmApiBaseUrl()).slice(0, 16);
    this.client = ZohoCrmClient.for(connection);
    this.profiles = new ProfileDirectory(this.client);
  }

  /**
   * A single profile with its permissions, read once per provider process until we write to it: a check, the
   * create or update after it and a refresh of the same profile share one GET (CRM list entries carry no
   * permissions). The first one read also gives the catalogue, so no extra request.
   */
  getProfile(id: string): Promise<DetailedProfile | undefined> {
    let read = this.detailed.get(id);
    if (!read) {
      read = this.client.getProfile(id).then((profile) => {
        if (profile) this.catalogueOf ??= Promise.resolve(new PermissionCatalogue(profile));
        return profile;
      });
      read.catch(() => this.detailed.delete(id));
      this.detailed.set(id, read);
    }
    return read;
  }

  /** After a write to the profile (sent, failed or of unknown outcome): the next reader asks Zoho again. */
  written(id: string): void {
    this.detailed.delete(id);
  }

  /**
   * After Zoho answered SUCCESS to a PATCH of these switches. When no other switch depends on them, Zoho changed
   * exactly these, so the profile read earlier stays current with them applied: the checks of other permission sets
   * on the profile need no new GET. Otherwise the next reader asks Zoho again.
   */
  switched(id: string, switches: CrmPermissions, catalogue: PermissionCatalogue): void {
    const read = this.detailed.get(id);
    if (!read || !Object.keys(switches).every((name) => catalogue.isLeaf(name))) return this.written(id);
    const applied = read.then((profile) => profile && {
      ...profile,
      permissions_details: profile.permissions_details.map((p) => (p.name in switches ? { ...p, enabled: switches[p.name] } : p)),
    });
    applied.catch(() => this.detailed.delete(id));
    this.detailed.set(id, applied);
  }

  /** The org's permissions by name, from one single-profile GET (of Standard, if no profile was read yet). */
  catalogue(): Promise<PermissionCatalogue> {
    this.catalogueOf ??= (async () => {
      // Every org has the system profiles; any profile's permissions_details lists the whole catalogue.
      const system = (await this.profiles.resolve("Standard")) ?? (await this.profiles.resolve("Administrator"));
      // Through the memo: a check reading Standard as its clone source shares this GET.
      const profile = system && (await this.getProfile(system.id));
      if (!profile) throw new HelpdeskError("Zoho CRM shows no Standard or Administrator profile to read the permission catalogue from");
      return new PermissionCatalogue(profile);
    })().catch((error) => {
      this.catalogueOf = undefined;
      throw error;
    });
    return this.catalogueOf;
  }
}

const accounts = new Map<string, CrmAccount>();

/** The CRM org of the named connection (the default one when unnamed). */
export function crmAccount(settings: Settings, connectionName?: string): CrmAccount {
  const connection = new ZohoConnection(settings, connectionName);
  const fingerprint = connection.fingerprint(connection.crmApiBaseUrl());
  let account = accounts.get(fingerprint);
  if (!account) {
    account = new CrmAccount(connection);
    accounts.set(fingerprint, account);
  }
  return account;
}
