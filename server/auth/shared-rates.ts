import { RateWindow } from './rate-window.ts';

/**
 * The relay's rate windows that hold over every node (CLUSTER.md N13): each is named, each
 * count taken here is told to the other nodes (`connect`: through the bus), and a count
 * taken elsewhere is recorded here under the same name (`takenElsewhere`). On one node this
 * is a set of ordinary windows. A count on its way to another node is not there yet: a
 * burst spread over N nodes at once may pass up to N−1 more than one node allows.
 */
export class SharedRates {
  private readonly windows = new Map<string, RateWindow[]>();
  private tell: ((name: string, key: string, at: number) => void) | null = null;

  /** A window named `name` (the same name on every node), told to the other nodes at each count. */
  window(name: string, limit: number, windowMs: number, maxKeys?: number): RateWindow {
    const window = new RateWindow(limit, windowMs, maxKeys, (key, at) => this.tell?.(name, key, at));
    const named = this.windows.get(name) ?? [];
    named.push(window);
    this.windows.set(name, named);
    return window;
  }

  /** Where counts taken here go (the other nodes). */
  connect(tell: (name: string, key: string, at: number) => void) {
    this.tell = tell;
  }

  /** A count another node took: recorded here, told to no one. */
  takenElsewhere(name: string, key: string, at: number) {
    for (const window of this.windows.get(name) ?? []) window.record(key, at);
  }
}
