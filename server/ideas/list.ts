import type { Activity } from '#core/api/activities';
import type { Contributor, Idea, IdeaDetail, IdeaPage, IdeaStatus, PhotoType } from '#core/api/ideas';
import type { IdeaSort } from '#core/ideas/sort';
import type { Caller } from '../accounts/sessions.ts';
import { may } from '../activities/access.ts';
import type { Context } from '../context.ts';
import type { Param } from '../store/db.ts';
import { ideaBox, ideaFor, type IdeaRow } from './access.ts';

type ListedRow = IdeaRow & { author_name: string; photo_type: PhotoType | null; photo_bytes: number | null; my_vote: number };

/** The same keys as core/ideas/sort.ts, each matched by an index of migration 500. */
const orderBy: Record<IdeaSort, string> = {
  votes: 'i.vote_count DESC, i.created_at DESC, i.id DESC',
  newest: 'i.created_at DESC, i.id DESC',
  category: 'i.category, i.vote_count DESC, i.created_at DESC, i.id DESC',
};

const columns = `i.*, u.name AS author_name, p.type AS photo_type, p.bytes AS photo_bytes,
  EXISTS (SELECT 1 FROM idea_votes v WHERE v.idea_id = i.id AND v.user_id = ?) AS my_vote`;

export function toIdea(row: ListedRow): Idea {
  return {
    id: row.id,
    activityId: row.activity_id,
    title: row.title,
    text: row.text,
    category: row.category,
    author: { id: row.author_id, name: row.author_name },
    createdAt: row.created_at,
    votes: row.vote_count,
    myVote: row.my_vote === 1,
    status: row.status,
    reason: row.reason,
    statusChangedAt: row.status_changed_at,
    photo: row.photo_type ? { type: row.photo_type, bytes: row.photo_bytes ?? 0 } : null,
    hidden: row.hidden_at ? { reason: row.hidden_reason ?? '', at: row.hidden_at } : null,
  };
}

export interface ListFilter {
  sort: IdeaSort;
  category?: string | undefined;
  status?: IdeaStatus | undefined;
  author?: string | undefined;
  offset: number;
  limit: number;
}

/**
 * One page of a box's ideas. Hidden ideas are listed only to their author and to the
 * facilitators. The WHERE clause holds only the filters asked for, so that SQLite walks
 * the index that matches the order and stops after the page.
 */
export async function listIdeas(ctx: Context, caller: Caller, activityId: string, filter: ListFilter): Promise<IdeaPage> {
  const box = await ideaBox(ctx, caller, activityId);
  const where = ['i.activity_id = ?'];
  const params: Param[] = [activityId];
  if (!may.facilitate(box.myRole)) {
    where.push('(i.hidden_at IS NULL OR i.author_id = ?)');
    params.push(caller.id);
  }
  const narrow = (condition: string, value: string | undefined) => {
    if (value === undefined) return;
    where.push(condition);
    params.push(value);
  };
  narrow('i.category = ?', filter.category);
  narrow('i.status = ?', filter.status);
  narrow('i.author_id = ?', filter.author);
  const clause = where.join(' AND ');
  const rows = await ctx.db.all<ListedRow>(
    `SELECT ${columns} FROM ideas i JOIN users u ON u.id = i.author_id LEFT JOIN idea_photos p ON p.idea_id = i.id
      WHERE ${clause} ORDER BY ${orderBy[filter.sort]} LIMIT ? OFFSET ?`,
    [caller.id, ...params, filter.limit, filter.offset],
  );
  const count = await ctx.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ideas i WHERE ${clause}`, params);
  const total = count?.n ?? 0;
  const end = filter.offset + rows.length;
  return { ideas: rows.map(toIdea), total, next: end < total ? end : null, categories: box.categories };
}

export async function loadIdea(ctx: Context, caller: Caller, ideaId: string): Promise<Idea> {
  const row = await ctx.db.get<ListedRow>(
    `SELECT ${columns} FROM ideas i JOIN users u ON u.id = i.author_id LEFT JOIN idea_photos p ON p.idea_id = i.id WHERE i.id = ?`,
    [caller.id, ideaId],
  );
  if (!row) throw new Error(`idea ${ideaId} vanished`);
  return toIdea(row);
}

/** An idea with every answer it was given, oldest first. */
export async function ideaDetail(ctx: Context, caller: Caller, ideaId: string): Promise<IdeaDetail> {
  await ideaFor(ctx, caller, ideaId);
  const history = await ctx.db.all<{ to_status: IdeaStatus; reason: string | null; name: string; changed_at: string }>(
    `SELECT c.to_status, c.reason, u.name, c.changed_at FROM idea_status_changes c JOIN users u ON u.id = c.changed_by
      WHERE c.idea_id = ? ORDER BY c.id`,
    [ideaId],
  );
  return {
    ...(await loadIdea(ctx, caller, ideaId)),
    history: history.map((h) => ({ status: h.to_status, reason: h.reason, by: h.name, at: h.changed_at })),
  };
}

/** Top contributors: most votes received, then most ideas (hidden ideas do not count). */
export async function contributors(ctx: Context, caller: Caller, activityId: string, limit = 20): Promise<Contributor[]> {
  const box: Activity = await ideaBox(ctx, caller, activityId);
  return ctx.db.all<Contributor>(
    `SELECT u.id, u.name, COUNT(*) AS ideas, SUM(i.vote_count) AS votes,
            SUM(i.status = 'accepted') AS accepted, SUM(i.status = 'implemented') AS implemented,
            SUM(i.status = 'declined') AS declined
       FROM ideas i JOIN users u ON u.id = i.author_id
      WHERE i.activity_id = ? AND i.hidden_at IS NULL
      GROUP BY u.id ORDER BY votes DESC, ideas DESC, u.name LIMIT ?`,
    [box.id, limit],
  );
}
