import { ZohoCrmClient } from "./client";
import { LiveProfile } from "./schema";

/**
 * Resolves profile references ("Standard", "3652397000000026011") to profiles. The list is fetched once per
 * provider process and kept current through our own writes, so a preview or an up of many resources costs one
 * paged listing.
 */
export class ProfileDirectory {
  private profiles?: Promise<LiveProfile[]>;

  constructor(private readonly client: ZohoCrmClient) {}

  /** After a write whose outcome is unknown: list again on next use. */
  forget(): void {
    this.profiles = undefined;
  }

  /** After a successful write: keep the listing, with this profile added, or updated with the fields given. */
  remember(profile: LiveProfile): void {
    const { permissions_details: _permissions, ...summary } = profile;
    const given = Object.fromEntries(Object.entries(summary).filter(([, value]) => value !== undefined));
    this.profiles = this.profiles?.then((all) => [...all.filter((p) => p.id !== profile.id), { ...all.find((p) => p.id === profile.id), ...given } as LiveProfile]);
  }

  /** After a successful delete. */
  drop(id: string): void {
    this.profiles = this.profiles?.then((all) => all.filter((p) => p.id !== id));
  }

  async resolve(reference: string): Promise<LiveProfile | undefined> {
    const profiles = await this.all();
    return profiles.find((p) => p.id === reference) ?? this.byName(profiles, reference);
  }

  /** Zoho CRM compares profile names case-insensitively. */
  async findByName(name: string): Promise<LiveProfile | undefined> {
    return this.byName(await this.all(), name);
  }

  async names(): Promise<string[]> {
    return (await this.all()).map((p) => p.name);
  }

  private all(): Promise<LiveProfile[]> {
    this.profiles ??= this.client.listProfiles().catch((error) => {
      this.profiles = undefined;
      throw error;
    });
    return this.profiles;
  }

  private byName(profiles: LiveProfile[], name: string): LiveProfile | undefined {
    const wanted = name.trim().toLowerCase();
    return profiles.find((p) => p.name.trim().toLowerCase() === wanted);
  }
}
