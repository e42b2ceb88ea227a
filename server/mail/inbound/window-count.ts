/**
 * Counts per key in fixed one-hour windows (per sending address, per connecting IP):
 * `take(key)` is false once `limit` were taken this hour. Bounded: past `maxKeys` keys,
 * the counts of earlier windows are dropped, and if that is not enough every key is
 * refused until the window turns (a flood of fresh keys cannot grow the map).
 */
export class WindowCount {
  private readonly counts = new Map<string, { window: number; n: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs = 3_600_000,
    private readonly maxKeys = 10_000,
  ) {}

  take(key: string, now = Date.now()): boolean {
    const window = Math.floor(now / this.windowMs);
    let entry = this.counts.get(key);
    if (!entry || entry.window !== window) {
      if (!entry && this.counts.size >= this.maxKeys) {
        for (const [k, e] of this.counts) if (e.window !== window) this.counts.delete(k);
        if (this.counts.size >= this.maxKeys) return false;
      }
      entry = { window, n: 0 };
      this.counts.set(key, entry);
    }
    if (entry.n >= this.limit) return false;
    entry.n++;
    return true;
  }
}
