import type { IdeaStatus, SimilarIdea } from '#core/api/ideas';
import { similarityThreshold, titleKey } from '#core/ideas/similar';
import type { Caller } from '../accounts/sessions.ts';
import type { Context } from '../context.ts';
import { ideaBox } from './access.ts';

/**
 * Similar titles, asked at each pause while someone types a title. Each box's visible
 * titles are folded once into an index (word and trigram postings); the relay is the
 * only writer, so a new idea is added to it and a hidden one masked — nothing is folded
 * again. A question visits only the titles sharing a trigram or a word with it, and the
 * score is the same as `titleSimilarity` (core/ideas/similar.ts), computed from counts.
 *
 * A box is folded from the store in pages of `foldPage` titles, giving the event loop
 * back between pages (50,000 titles never hold it at once). Owned by the ideas module
 * (one per relay); at most `maxTitles` titles are held, the least recently asked box
 * dropped first.
 */
const foldPage = 2_000;
const maxTitles = 200_000;

interface Entry {
  id: string;
  title: string;
  grams: number;
  words: number;
}

class BoxIndex {
  readonly entries: Entry[] = [];
  readonly hidden = new Set<number>();
  private readonly byId = new Map<string, number>();
  private readonly grams = new Map<string, number[]>();
  private readonly words = new Map<string, number[]>();

  /** Folds and indexes a title; false when the idea is indexed already. */
  add(id: string, title: string): boolean {
    if (this.byId.has(id)) return false;
    const key = titleKey(title);
    const at = this.entries.push({ id, title, grams: key.grams.size, words: key.words.size }) - 1;
    this.byId.set(id, at);
    for (const g of key.grams) push(this.grams, g, at);
    for (const w of key.words) push(this.words, w, at);
    return true;
  }

  setHidden(id: string, hidden: boolean) {
    const at = this.byId.get(id);
    if (at === undefined) return;
    if (hidden) this.hidden.add(at);
    else this.hidden.delete(at);
  }

  /** The best `limit` titles at or above the threshold; `visited` counts postings read. */
  search(title: string, limit: number, stats: { visited: number }) {
    const key = titleKey(title);
    if (key.grams.size === 0) return [];
    const sharedGrams = new Map<number, number>();
    const sharedWords = new Map<number, number>();
    for (const g of key.grams) for (const at of this.grams.get(g) ?? []) sharedGrams.set(at, (sharedGrams.get(at) ?? 0) + 1);
    for (const w of key.words) for (const at of this.words.get(w) ?? []) sharedWords.set(at, (sharedWords.get(at) ?? 0) + 1);
    stats.visited += sharedGrams.size + sharedWords.size;
    const scored: { entry: Entry; score: number }[] = [];
    for (const [at, grams] of sharedGrams) {
      const entry = this.entries[at]!;
      if (this.hidden.has(at) || entry.grams === 0) continue;
      const words = sharedWords.get(at) ?? 0;
      const dice = (2 * grams) / (key.grams.size + entry.grams);
      const union = key.words.size + entry.words - words;
      const score = Math.max(dice, union === 0 ? 0 : words / union);
      if (score >= similarityThreshold) scored.push({ entry, score });
    }
    return scored.sort((x, y) => y.score - x.score).slice(0, limit);
  }
}

function push(map: Map<string, number[]>, key: string, at: number) {
  const list = map.get(key);
  if (list) list.push(at);
  else map.set(key, [at]);
}

export class SimilarTitles {
  private readonly boxes = new Map<string, Promise<BoxIndex>>();
  private readonly sizes = new Map<string, number>();
  /** Titles folded and postings visited since the start: what the tests count. */
  readonly stats = { folded: 0, visited: 0 };

  constructor(private readonly ctx: Context) {}

  /** A new idea: added to its box's index if the box is held (else folded with the box later). */
  async added(boxId: string, ideaId: string, title: string) {
    const box = await this.boxes.get(boxId);
    if (!box) return;
    if (box.add(ideaId, title)) this.stats.folded += 1;
    this.sizes.set(boxId, box.entries.length);
  }

  /** An idea hidden or shown again (also: held back by moderation, approved, merged away). */
  async hiddenChanged(boxId: string, ideaId: string, title: string, hidden: boolean) {
    const box = await this.boxes.get(boxId);
    if (!box) return;
    if (!hidden) await this.added(boxId, ideaId, title);
    box.setHidden(ideaId, hidden);
  }

  async similar(ctx: Context, caller: Caller, activityId: string, title: string): Promise<SimilarIdea[]> {
    await ideaBox(ctx, caller, activityId);
    if (title.trim().length < 3) return [];
    const found = (await this.box(activityId)).search(title, 5, this.stats);
    if (found.length === 0) return [];
    // The title as stored now, not as folded: an erasure may have rewritten it since (people/erase-copies.ts).
    const rows = await ctx.db.all<{ id: string; title: string; vote_count: number; status: IdeaStatus }>(
      `SELECT id, title, vote_count, status FROM ideas WHERE hidden_at IS NULL AND moderation = 'approved' AND merged_into IS NULL AND id IN (${found.map(() => '?').join(', ')})`,
      found.map((f) => f.entry.id),
    );
    const now = new Map(rows.map((r) => [r.id, r]));
    return found.flatMap(({ entry, score }) => {
      const row = now.get(entry.id);
      return row ? [{ id: entry.id, title: row.title, votes: row.vote_count, status: row.status, score: Math.round(score * 100) / 100 }] : [];
    });
  }

  private box(boxId: string): Promise<BoxIndex> {
    let box = this.boxes.get(boxId);
    if (box) {
      // Most recently asked last: the oldest box is dropped first.
      this.boxes.delete(boxId);
      this.boxes.set(boxId, box);
      return box;
    }
    box = this.fold(boxId);
    this.boxes.set(boxId, box);
    box.catch(() => this.boxes.delete(boxId));
    return box;
  }

  private async fold(boxId: string): Promise<BoxIndex> {
    const box = new BoxIndex();
    let after = -1;
    for (;;) {
      const rows = await this.ctx.db.all<{ seq: number; id: string; title: string }>(
        `SELECT rowid AS seq, id, title FROM ideas WHERE activity_id = ? AND hidden_at IS NULL AND moderation = 'approved' AND merged_into IS NULL AND rowid > ? ORDER BY rowid LIMIT ?`,
        [boxId, after, foldPage],
      );
      for (const r of rows) box.add(r.id, r.title);
      this.stats.folded += rows.length;
      if (rows.length < foldPage) break;
      after = rows[rows.length - 1]!.seq;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    this.sizes.set(boxId, box.entries.length);
    this.evict(boxId);
    return box;
  }

  private evict(keep: string) {
    let total = [...this.sizes.values()].reduce((a, b) => a + b, 0);
    for (const id of this.boxes.keys()) {
      if (total <= maxTitles) return;
      if (id === keep) continue;
      total -= this.sizes.get(id) ?? 0;
      this.boxes.delete(id);
      this.sizes.delete(id);
    }
  }
}
