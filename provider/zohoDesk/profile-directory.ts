import { ZohoDeskClient } from "./client";
import { LiveProfile } from "./schema";

/**
 * Resolves profile references ("Agent", "4000000018001") to profiles. The list is fetched once per provider
 * process and kept current through our own writes, so a preview or an up of many resources costs one paged listing.
 */
export class ProfileDirectory {
  private profiles?: Promise<LiveProfile[]>;

  constructor(private readonly client: ZohoDeskClient) {}

  /** After a write whose outcome is unknown: list again on next use. */
  forget(): void {
    this.profiles = undefined;
  }

  /** After a successful write: keep the listing, with this profile added or replaced. */
  remember(profile: LiveProfile): void {
    this.profiles = this.profiles?.then((all) => [...all.filter((p) => p.id !== profile.id), profile]);
  }

  /** After a successful delete. */
  drop(id: string): void {
    this.profiles = this.profiles?.then((all) => all.filter((p) => p.id !== id));
  }

  async resolve(reference: string): Promise<LiveProfile | undefined> {
    const profiles = await this.all();
    return profiles.find((p) => p.id === reference) ?? this.byName(profiles, reference);
  }

  /**
   * The profile as it is, for a refresh: from the listing when its entry carries the permissions (Zoho Desk's list
   * answer does), so refreshing N profiles costs a paged listing instead of N reads; otherwise one GET.
   */
  async current(id: string): Promise<LiveProfile | undefined> {
    const listed = (await this.all()).find((p) => p.id === id);
    return listed?.permissions ? listed : this.client.getProfile(id);
  }

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
