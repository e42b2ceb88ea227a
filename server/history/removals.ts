import * as Y from 'yjs';
import { commentsOf } from '#core/doc/comments';
import { entriesOf, isGone, methodsOf } from './identity.ts';
import type { LoggedUpdate } from './update-batch.ts';

/** How much a replay may do: `steps` (see RemovalsReplay.steps), and a wall-clock deadline (ms since the epoch). */
export interface ReplayBudget {
  steps: number;
  until: number;
}

/** The parts of a board whose entries a member may restore (SPEC H4). */
const entryParts = ['items', 'options'] as const;

/** An entry or comment of the moment, followed by its Yjs item (identity.ts). */
interface Tracked {
  path: string;
  item: Y.Item;
  present: boolean;
  remover: string | null;
}

/**
 * What a member may restore from a moment (SPEC H4), for the timeline to offer: the board
 * entries and comments `past` holds that are gone once the updates since are replayed on
 * it (`past` is changed), whose removal was an update of theirs. Each is followed by its
 * Yjs item, not by its key or id: a decoy written under the same key or id later is
 * another item, and removing it removes nothing of the moment's. An entry whose key holds
 * another entry now is not offered (putting it back would take that one away: a
 * facilitator's restore). The same judgement as a restore's, for every entry at once:
 * each update is applied once, and only the items its deletions name (found by client and
 * clock) and the comments whose fields it changed are looked at again. `steps` counts the
 * work (updates, deleted ranges, changed types, items looked at); `apply` refuses to go on
 * once past the budget (SPEC H5).
 */
export class RemovalsReplay {
  /** Work done so far: one per update applied, range, changed type or item looked at. */
  steps = 0;
  /** Updates applied. */
  applied = 0;
  /** True once the budget was exceeded: the answer is unknown. */
  over = false;
  private readonly tracked: Tracked[] = [];
  /** Tracked items by client, sorted by clock: a deletion's ranges find them. */
  private readonly byClient = new Map<number, Tracked[]>();
  /** Tracked comments by their map: a change to its fields (a removal mark) finds it. */
  private readonly comments = new Map<unknown, Tracked>();
  private readonly methods: Y.Map<unknown>;
  private touched = new Set<Tracked>();

  constructor(
    private readonly past: Y.Doc,
    private readonly budget: ReplayBudget,
    private readonly now: () => number = Date.now,
  ) {
    this.methods = methodsOf(past);
    for (const [boardId, board] of this.methods) {
      for (const part of entryParts) {
        for (const [key, entry] of entriesOf(board, part) ?? []) {
          this.steps++;
          if (entry instanceof Y.Map && entry._item) this.track(`methods/${boardId}/${part}/${key}`, entry._item);
        }
      }
    }
    const seen = new Set<unknown>();
    for (const value of commentsOf(past)) {
      this.steps++;
      if (!(value instanceof Y.Map) || !value._item) continue;
      // The comment the app shows under an id: the first carrying it.
      const id: unknown = value.get('id');
      if (typeof id !== 'string' || seen.has(id)) continue;
      seen.add(id);
      if (!isGone(value._item)) this.comments.set(value, this.track(`comments/${id}`, value._item));
    }
    for (const list of this.byClient.values()) list.sort((x, y) => x.item.id.clock - y.item.id.clock);
    past.on('afterTransaction', this.watch);
  }

  /** Replays one update; false (and nothing done) once the budget is spent. */
  apply(update: LoggedUpdate): boolean {
    if (this.over || this.steps > this.budget.steps || this.now() > this.budget.until) {
      this.over = true;
      return false;
    }
    this.touched = new Set();
    Y.applyUpdate(this.past, update.data);
    this.applied++;
    this.steps++;
    for (const state of this.touched) {
      this.steps++;
      const now = !isGone(state.item);
      if (state.present && !now) state.remover = update.userId;
      state.present = now;
    }
    return true;
  }

  /** The paths gone now whose removal was `userId`'s. */
  removedBy(userId: string): string[] {
    return this.removed()
      .filter(([, by]) => by === userId)
      .map(([path]) => path);
  }

  /** Every path gone now, with who removed it; an entry whose key holds another entry now is left out. */
  removed(): [path: string, userId: string][] {
    const out: [string, string][] = [];
    for (const s of this.tracked) if (!s.present && s.remover !== null && !this.standsThere(s.path)) out.push([s.path, s.remover]);
    return out;
  }

  /** Stops watching the document (it may be destroyed after). */
  close() {
    this.past.off('afterTransaction', this.watch);
  }

  private track(path: string, item: Y.Item): Tracked {
    const state: Tracked = { path, item, present: true, remover: null };
    this.tracked.push(state);
    const list = this.byClient.get(item.id.client);
    if (list) list.push(state);
    else this.byClient.set(item.id.client, [state]);
    return state;
  }

  /** Whether an entry's key holds an entry now (another item: the moment's is gone). */
  private standsThere(path: string): boolean {
    const [root, boardId, part, key] = path.split('/');
    return root === 'methods' && entriesOf(this.methods.get(boardId!), part!)?.get(key!) instanceof Y.Map;
  }

  /** What each transaction may have removed: the tracked items its deletions name, the tracked comments whose fields changed. */
  private readonly watch = (tr: Y.Transaction) => {
    for (const [client, ranges] of tr.deleteSet.clients) {
      this.steps++;
      const list = this.byClient.get(client);
      if (!list) continue;
      for (const range of ranges) {
        this.steps++;
        for (let i = firstAtOrAfter(list, range.clock); i < list.length && list[i]!.item.id.clock < range.clock + range.len; i++) {
          this.steps++;
          this.touched.add(list[i]!);
        }
      }
    }
    for (const type of tr.changed.keys()) {
      this.steps++;
      const comment = this.comments.get(type);
      if (comment) this.touched.add(comment);
    }
  };
}

/** The first tracked item at or after `clock` (the list sorted by clock). */
function firstAtOrAfter(list: readonly Tracked[], clock: number): number {
  let [lo, hi] = [0, list.length];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.item.id.clock < clock) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
