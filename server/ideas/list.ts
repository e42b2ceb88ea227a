import type { Activity } from '#core/api/activities';
import type { Contributor, Idea, IdeaDetail, IdeaPage, IdeaStatus, PhotoType } from '#core/api/ideas';
import type { IdeaSort } from '#core/ideas/sort';
import type { IdeaStage } from '#core/ideas/stages';
import type { Caller } from '../accounts/sessions.ts';
import { may } from '../activities/access.ts';
import type { Context } from '../context.ts';
import type { Param } from '../store/db.ts';
import { stageOf } from '#core/ideas/stages';
import { ideaBox, ideaFor, keptBackSql, type IdeaRow } from './access.ts';
import { boxFunnel } from './box-settings.ts';

export type ListedRow = IdeaRow & {
  author_name: string;
  photo_type: PhotoType | null;
  photo_bytes: number | null;
  my_vote: number;
  merged_title: string | null;
  open_reports: number;
  reward_text: string | null;
  reward_at: string | null;
};

/** The same keys as core/ideas/sort.ts, each matched by an index of migration 500. */
const orderBy: Record<IdeaSort, string> = {
  votes: 'i.vote_count DESC, i.created_at DESC, i.id DESC',
  newest: 'i.created_at DESC, i.id DESC',
  category: 'i.category, i.vote_count DESC, i.created_at DESC, i.id DESC',
};

/**
 * Every column a listed idea needs. Binds two parameters: the caller (their vote, and
 * whether they see the reward: its author) and whether the caller facilitates (reports counted).
 */
export const columns = `i.*, u.name AS author_name, p.type AS photo_type, p.bytes AS photo_bytes,
  EXISTS (SELECT 1 FROM idea_votes v WHERE v.idea_id = i.id AND v.user_id = ?1) AS my_vote,
  (SELECT m.title FROM ideas m WHERE m.id = i.merged_into) AS merged_title,
  CASE WHEN ?2 THEN (SELECT COUNT(*) FROM idea_reports r WHERE r.idea_id = i.id AND r.dismissed_at IS NULL) ELSE 0 END AS open_reports,
  (SELECT w.text FROM idea_rewards w WHERE w.idea_id = i.id AND (?2 OR i.author_id = ?1)) AS reward_text,
  (SELECT w.created_at FROM idea_rewards w WHERE w.idea_id = i.id AND (?2 OR i.author_id = ?1)) AS reward_at`;

export const fromIdeas = 'FROM ideas i JOIN users u ON u.id = i.author_id LEFT JOIN idea_photos p ON p.idea_id = i.id';

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
    stage: stageOf(row.status, row.shortlisted_at !== null),
    moderation: row.moderation,
    offTopicReason: row.moderation === 'off_topic' ? row.off_topic_reason : null,
    mergedInto: row.merged_into ? { id: row.merged_into, title: row.merged_title ?? '' } : null,
    studyActivityId: row.study_activity_id,
    reports: row.open_reports,
    reward: row.reward_text !== null && row.reward_at !== null ? { text: row.reward_text, at: row.reward_at } : null,
  };
}

export interface ListFilter {
  sort: IdeaSort;
  category?: string | undefined;
  status?: IdeaStatus | undefined;
  author?: string | undefined;
  /** Only ideas at this stage of the funnel. */
  stage?: IdeaStage | undefined;
  offset: number;
  limit: number;
}

/**
 * One page of a box's ideas. Hidden, pending and off-topic ideas are listed only to their
 * author and to the facilitators; merged duplicates are not listed (their votes count on
 * the idea kept; each stays readable at its own address). The WHERE clause holds only the filters asked for, so that SQLite walks
 * the index that matches the order and stops after the page.
 */
export async function listIdeas(ctx: Context, caller: Caller, activityId: string, filter: ListFilter): Promise<IdeaPage> {
  const box = await ideaBox(ctx, caller, activityId);
  const facilitates = may.facilitate(box.myRole);
  const where = ['i.activity_id = ?', 'i.merged_into IS NULL'];
  const params: Param[] = [activityId];
  if (!facilitates) {
    where.push(`(NOT ${keptBackSql} OR i.author_id = ?)`);
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
  if (filter.stage) where.push(stageSql[filter.stage]);
  const clause = where.join(' AND ');
  // ?1 and ?2 are the columns' own; the filter's parameters follow them.
  const rows = await ctx.db.all<ListedRow>(
    `SELECT ${columns} ${fromIdeas} WHERE ${numbered(clause, 3)} ORDER BY ${orderBy[filter.sort]} LIMIT ? OFFSET ?`,
    [caller.id, facilitates ? 1 : 0, ...params, filter.limit, filter.offset],
  );
  const count = await ctx.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ideas i WHERE ${clause}`, params);
  const total = count?.n ?? 0;
  const end = filter.offset + rows.length;
  const funnel = await boxFunnel(ctx, box.id);
  return { ideas: rows.map(toIdea), total, next: end < total ? end : null, categories: box.categories, ...funnel };
}

export async function loadIdea(ctx: Context, caller: Caller, ideaId: string, facilitates = false): Promise<Idea> {
  const row = await ctx.db.get<ListedRow>(`SELECT ${columns} ${fromIdeas} WHERE i.id = ?3`, [caller.id, facilitates ? 1 : 0, ideaId]);
  if (!row) throw new Error(`idea ${ideaId} vanished`);
  return toIdea(row);
}

/** An idea with every answer it was given, oldest first. */
export async function ideaDetail(ctx: Context, caller: Caller, ideaId: string): Promise<IdeaDetail> {
  const { box } = await ideaFor(ctx, caller, ideaId);
  const history = await ctx.db.all<{ to_status: IdeaStatus; reason: string | null; name: string; changed_at: string }>(
    `SELECT c.to_status, c.reason, u.name, c.changed_at FROM idea_status_changes c JOIN users u ON u.id = c.changed_by
      WHERE c.idea_id = ? ORDER BY c.id`,
    [ideaId],
  );
  return {
    ...(await loadIdea(ctx, caller, ideaId, may.facilitate(box.myRole))),
    history: history.map((h) => ({ status: h.to_status, reason: h.reason, by: h.name, at: h.changed_at })),
  };
}

/** Top contributors: most votes received, then most ideas (hidden ideas do not count). */
export async function contributors(ctx: Context, caller: Caller, activityId: string, limit = 20): Promise<Contributor[]> {
  const box: Activity = await ideaBox(ctx, caller, activityId);
  return ctx.db.all<Contributor>(
    `SELECT u.id, u.name, COUNT(*) AS ideas, SUM(i.vote_count) AS votes,
            SUM(CASE WHEN i.status = 'accepted' THEN 1 ELSE 0 END) AS accepted, SUM(CASE WHEN i.status = 'implemented' THEN 1 ELSE 0 END) AS implemented,
            SUM(CASE WHEN i.status = 'declined' THEN 1 ELSE 0 END) AS declined
       FROM ideas i JOIN users u ON u.id = i.author_id
      WHERE i.activity_id = ? AND NOT ${keptBackSql} AND i.merged_into IS NULL
      GROUP BY u.id ORDER BY votes DESC, ideas DESC, u.name LIMIT ?`,
    [box.id, limit],
  );
}

/** Each stage as a condition on `ideas i` (core/ideas/stages.ts `stageOf`). */
const stageSql: Record<IdeaStage, string> = {
  submitted: "i.status = 'new' AND i.shortlisted_at IS NULL",
  shortlisted: "i.status = 'new' AND i.shortlisted_at IS NOT NULL",
  under_study: "i.status = 'under_study'",
  accepted: "i.status = 'accepted'",
  declined: "i.status = 'declined'",
  implemented: "i.status = 'implemented'",
};

/** Turns the `?` of a clause into `?n, ?n+1…`, so that it follows numbered parameters. */
export function numbered(clause: string, first: number): string {
  let n = first;
  return clause.replace(/\?(?!\d)/g, () => `?${n++}`);
}
