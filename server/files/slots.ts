/**
 * What is under way per key (a person's uploads, a person's or an organisation's downloads),
 * on this node: a place is taken before the work starts and given back when it ends, so a
 * key holds at most its cap. Nothing waits: a caller refused answers 429.
 */
export class Slots {
  private readonly held = new Map<string, number>();

  /** How many places the key holds now. */
  count(key: string): number {
    return this.held.get(key) ?? 0;
  }

  take(key: string) {
    this.held.set(key, this.count(key) + 1);
  }

  release(key: string) {
    const left = this.count(key) - 1;
    if (left > 0) this.held.set(key, left);
    else this.held.delete(key);
  }
}
