import * as Y from 'yjs';
import { commentsOf } from '#core/doc/comments';
import { methodsOf } from '#core/doc/methods';
import { CommentIndex } from './comment-index.ts';
import type { LoggedUpdate } from './update-batch.ts';

/** How much a replay may do: `steps` (see RemovalsReplay.steps), and a wall-clock deadline (ms since the epoch). */
export interface ReplayBudget {
  steps: number;
  until: number;
}

/** The parts of a board whose entries a member may restore (SPEC H4). */
const entryParts = ['items', 'options'] as const;

interface Tracked {
  present: boolean;
  remover: string | null;
}

type Shared = Y.Doc['share'] extends Map<string, infer T> ? T : never;

/**
 * What a member may restore from a moment (SPEC H4), for the timeline to offer: the board
 * entries and comments `past` holds that are gone once the updates since are replayed on
 * it (`past` is changed), whose last removal was an update of theirs. The same judgement
 * as a restore's, for every entry at once: each update is applied once, and only the
 * entries and comments it touched are looked at again, each through an index (no walk of
 * the comment list). `steps` counts the work (updates, paths judged, structs and comments
 * looked at); `apply` refuses to go on once past the budget (SPEC H5).
 */
export class RemovalsReplay {
  /** Work done so far: one per update applied, path judged, struct or comment looked at. */
  steps = 0;
  /** Updates applied. */
  applied = 0;
  /** True once the budget was exceeded: the answer is unknown. */
  over = false;
  private readonly tracked = new Map<string, Tracked>();
  /** Tracked entry paths under each `methods/<board>` and `methods/<board>/<part>`. */
  private readonly under = new Map<string, string[]>();
  private readonly comments: CommentIndex;
  private readonly methods: Y.Map<unknown>;
  private touched = new Set<string>();

  constructor(
    private readonly past: Y.Doc,
    private readonly budget: ReplayBudget,
    private readonly now: () => number = Date.now,
  ) {
    const count = (n: number) => (this.steps += n);
    this.methods = methodsOf(past) as unknown as Y.Map<unknown>;
    this.comments = new CommentIndex(past, commentsOf(past) as unknown as Y.Array<unknown>, count);
    for (const [boardId, board] of this.methods) {
      if (!(board instanceof Y.Map)) continue;
      for (const part of entryParts) {
        const entries: unknown = board.get(part);
        if (!(entries instanceof Y.Map)) continue;
        for (const id of entries.keys()) {
          const path = `methods/${boardId}/${part}/${id}`;
          this.track(path);
          for (const prefix of [`methods/${boardId}`, `methods/${boardId}/${part}`]) {
            const list = this.under.get(prefix) ?? [];
            list.push(path);
            this.under.set(prefix, list);
          }
          this.steps++;
        }
      }
    }
    for (const id of this.comments.ids()) if (this.comments.holds(id)) this.track(`comments/${id}`);
    past.on('afterTransaction', this.watch);
  }

  /** Replays one update; false (and nothing done) once the budget is spent. */
  apply(update: LoggedUpdate): boolean {
    if (this.over || this.steps > this.budget.steps || this.now() > this.budget.until) {
      this.over = true;
      return false;
    }
    this.touched = new Set();
    this.comments.beforeApply(update.data);
    Y.applyUpdate(this.past, update.data);
    this.applied++;
    this.steps++;
    for (const path of this.touched) {
      const state = this.tracked.get(path);
      if (!state) continue;
      this.steps++;
      const now = this.holds(path);
      if (state.present && !now) state.remover = update.userId;
      state.present = now;
    }
    return true;
  }

  /** The paths gone now whose last removal was `userId`'s. */
  removedBy(userId: string): string[] {
    return this.removed()
      .filter(([, by]) => by === userId)
      .map(([path]) => path);
  }

  /** Every path gone now, with who removed it last. */
  removed(): [path: string, userId: string][] {
    const out: [string, string][] = [];
    for (const [path, s] of this.tracked) if (!s.present && s.remover !== null) out.push([path, s.remover]);
    return out;
  }

  /** Stops watching the document (it may be destroyed after). */
  close() {
    this.past.off('afterTransaction', this.watch);
  }

  private track(path: string) {
    this.tracked.set(path, { present: true, remover: null });
  }

  private holds(path: string): boolean {
    if (path.startsWith('comments/')) return this.comments.holds(path.slice('comments/'.length));
    const [, boardId, part, id] = path.split('/');
    const board = this.methods.get(boardId!);
    const entries: unknown = board instanceof Y.Map ? board.get(part!) : null;
    return entries instanceof Y.Map && entries.has(id!);
  }

  /** What each transaction touched: comment ids through the index, entries by their paths and prefixes. */
  private readonly watch = (tr: Y.Transaction) => {
    for (const [type, keys] of tr.changed) {
      this.steps++;
      for (const id of this.comments.changed(tr, type, keys)) this.touched.add(`comments/${id}`);
      for (const prefix of this.touchedEntries(type, keys)) {
        this.touched.add(prefix);
        for (const path of this.under.get(prefix) ?? []) {
          this.steps++;
          this.touched.add(path);
        }
      }
    }
  };

  /** The entry paths (or prefixes of them) a change to `type` at `keys` may have removed. */
  private touchedEntries(type: Shared, keys: Set<string | null>): string[] {
    const methods: unknown = this.methods;
    const out: string[] = [];
    const each = (f: (k: string) => string) => {
      for (const k of keys) if (k !== null) out.push(f(k));
    };
    if (type === methods) each((k) => `methods/${k}`);
    const item = type._item;
    if (!item) return out;
    const parent = item.parent as Shared;
    if (parent === methods) each((k) => `methods/${String(item.parentSub)}/${k}`);
    const board = parent._item;
    if (board && board.parent === methods && item.parentSub) each((k) => `methods/${String(board.parentSub)}/${String(item.parentSub)}/${k}`);
    return out;
  }
}
