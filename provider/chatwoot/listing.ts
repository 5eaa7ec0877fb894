/**
 * A vendor list fetched once per provider process and kept current by our own writes, so a preview or an up of many
 * resources costs one listing per account.
 */
export class Listing<T extends { id: number }> {
  private items?: Promise<T[]>;

  constructor(private readonly fetch: () => Promise<T[]>) {}

  all(): Promise<T[]> {
    this.items ??= this.fetch().catch((error) => {
      this.items = undefined;
      throw error;
    });
    return this.items;
  }

  async byId(id: number): Promise<T | undefined> {
    return (await this.all()).find((item) => item.id === id);
  }

  /** After a successful write: this item added or replaced. */
  remember(item: T): void {
    this.items = this.items?.then((all) => [...all.filter((i) => i.id !== item.id), item]);
  }

  /** After a successful delete. */
  drop(id: number): void {
    this.items = this.items?.then((all) => all.filter((i) => i.id !== id));
  }

  /** After a write whose outcome is unknown, or to see changes made outside this process: list again on next use. */
  forget(): void {
    this.items = undefined;
  }
}
