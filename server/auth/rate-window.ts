/**
 * How many times each key (a person, an address, an e-mail) did something in the last
 * `windowMs`, kept in memory and bounded: at most `limit` per key (in order of their instants), and past `maxKeys`
 * keys the quiet ones are forgotten (and, if all are busy, the oldest).
 */
export class RateWindow {
  private readonly times = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly maxKeys = 10_000,
  ) {}

  /** Counts one for `key` at `now`; returns 0 when allowed, else the seconds to wait (nothing counted). */
  take(key: string, now: number): number {
    const wait = this.waitFor(key, now);
    if (wait > 0) return wait;
    this.record(key, now);
    return 0;
  }

  /**
   * Counts one for `key` at `at` without judging it (a count another node took). Counts in
   * order of their instants; those past the window, and past the newest `limit`, judge
   * nothing and are dropped: a key only other nodes count stays as small as one judged here.
   */
  record(key: string, at: number): void {
    const recent = this.times.get(key) ?? [];
    let i = recent.length;
    while (i > 0 && recent[i - 1]! > at) i--;
    recent.splice(i, 0, at);
    const newest = recent[recent.length - 1]!;
    let gone = 0;
    while (gone < recent.length && recent[gone]! <= newest - this.windowMs) gone++;
    const drop = Math.max(gone, recent.length - this.limit);
    if (drop > 0) recent.splice(0, drop);
    this.times.set(key, recent);
    if (this.times.size > this.maxKeys) this.forget(at);
  }

  /** Gives back one counted at `at` for `key` (what it was counted for was refused after all). */
  giveBack(key: string, at: number): void {
    const recent = this.times.get(key);
    const index = recent?.lastIndexOf(at) ?? -1;
    if (!recent || index < 0) return;
    recent.splice(index, 1);
    if (recent.length === 0) this.times.delete(key);
  }

  /** The seconds `key` must wait before it may count one more, without counting. */
  waitFor(key: string, now: number): number {
    const recent = (this.times.get(key) ?? []).filter((t) => t > now - this.windowMs);
    if (recent.length > 0) this.times.set(key, recent);
    else this.times.delete(key);
    if (recent.length < this.limit) return 0;
    // One more once all but `limit` − 1 have left (more than `limit` may come from other nodes).
    return Math.max(1, Math.ceil((recent[recent.length - this.limit]! + this.windowMs - now) / 1000));
  }

  private forget(now: number) {
    for (const [key, times] of this.times) if (times.every((t) => t <= now - this.windowMs)) this.times.delete(key);
    for (const key of this.times.keys()) {
      if (this.times.size <= this.maxKeys) break;
      this.times.delete(key);
    }
  }
}
