import type { IdeaStatus, SimilarIdea } from '#core/api/ideas';
import { similarTitles, titleKey, type TitleKey } from '#core/ideas/similar';
import type { Caller } from '../accounts/sessions.ts';
import type { Context } from '../context.ts';
import { ideaBox } from './access.ts';

/**
 * Similar titles, asked at each pause while someone types a title. A box's visible
 * titles are folded once and kept (the relay is the only writer: `titlesChanged` after
 * an idea is added, hidden or shown again drops them), so a keystroke costs the
 * comparisons only, and one small query for the votes and status of the few found.
 */
interface Entry {
  id: string;
  title: string;
  key: TitleKey;
}

const boxes = new Map<string, Promise<Entry[]>>();
const maxBoxes = 50;

export function titlesChanged(boxId: string) {
  boxes.delete(boxId);
}

function titlesOf(ctx: Context, boxId: string): Promise<Entry[]> {
  let titles = boxes.get(boxId);
  if (!titles) {
    if (boxes.size >= maxBoxes) boxes.clear();
    titles = ctx.db
      .all<{ id: string; title: string }>('SELECT id, title FROM ideas WHERE activity_id = ? AND hidden_at IS NULL', [boxId])
      .then((rows) => rows.map((r) => ({ id: r.id, title: r.title, key: titleKey(r.title) })));
    boxes.set(boxId, titles);
    titles.catch(() => boxes.delete(boxId));
  }
  return titles;
}

export async function similarIdeas(ctx: Context, caller: Caller, activityId: string, title: string): Promise<SimilarIdea[]> {
  await ideaBox(ctx, caller, activityId);
  if (title.trim().length < 3) return [];
  const found = similarTitles(title, await titlesOf(ctx, activityId), 5, undefined, (e) => e.key);
  if (found.length === 0) return [];
  const rows = await ctx.db.all<{ id: string; vote_count: number; status: IdeaStatus }>(
    `SELECT id, vote_count, status FROM ideas WHERE hidden_at IS NULL AND id IN (${found.map(() => '?').join(', ')})`,
    found.map((f) => f.item.id),
  );
  const now = new Map(rows.map((r) => [r.id, r]));
  return found.flatMap(({ item, score }) => {
    const row = now.get(item.id);
    return row ? [{ id: item.id, title: item.title, votes: row.vote_count, status: row.status, score: Math.round(score * 100) / 100 }] : [];
  });
}
