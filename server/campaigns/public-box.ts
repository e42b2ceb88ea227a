import type { MyPublicVotes, PublicIdea, PublicIdeaBox, PublicIdeaQuery } from '#core/api/campaigns';
import type { IdeaStatus, PhotoType } from '#core/api/ideas';
import type { Context } from '../context.ts';
import { notFound } from '../errors.ts';
import { keptBackSql } from '../ideas/access.ts';
import { commentShownSql } from '../ideas/comments.ts';
import type { Queries } from '../store/db.ts';

/** A published box as the public sees it: nothing of its organisation but its language. */
export interface PublishedBox {
  id: string;
  orgId: string;
  slug: string;
  title: string;
  question: string;
  categories: string[];
  language: 'fr' | 'en';
  open: boolean;
}

interface BoxRow {
  id: string;
  org_id: string;
  public_slug: string;
  title: string;
  question: string;
  categories: string;
  status: string;
  locale: string;
}

/**
 * The idea box published at `slug`. Unknown, unpublished, removed by retention, or of a
 * suspended organisation: the same 404, so nobody learns which.
 */
export async function publishedBox(db: Queries, slug: string): Promise<PublishedBox> {
  const row = await db.get<BoxRow>(
    `SELECT a.id, a.org_id, a.public_slug, a.title, a.question, a.categories, a.status, o.locale
       FROM activities a JOIN organizations o ON o.id = a.org_id
      WHERE a.public_slug = ? AND a.kind = 'ideas' AND a.content_removed_at IS NULL AND o.suspended_at IS NULL`,
    [slug],
  );
  if (!row) throw notFound('idea box');
  return toBox(row);
}

/** The published box with id `activityId`, or null (a box not published, or no box). */
export async function publishedBoxById(db: Queries, activityId: string): Promise<PublishedBox | null> {
  const row = await db.get<BoxRow>(
    `SELECT a.id, a.org_id, a.public_slug, a.title, a.question, a.categories, a.status, o.locale
       FROM activities a JOIN organizations o ON o.id = a.org_id
      WHERE a.id = ? AND a.public_slug IS NOT NULL AND a.kind = 'ideas' AND a.content_removed_at IS NULL AND o.suspended_at IS NULL`,
    [activityId],
  );
  return row ? toBox(row) : null;
}

const toBox = (row: BoxRow): PublishedBox => ({
  id: row.id,
  orgId: row.org_id,
  slug: row.public_slug,
  title: row.title,
  question: row.question,
  categories: JSON.parse(row.categories) as string[],
  language: row.locale === 'en' ? 'en' : 'fr',
  open: row.status !== 'decided' && row.status !== 'archived',
});

/**
 * What the public sees of a box's ideas: neither hidden, waiting for approval nor off topic
 * (the members' `keptBackSql`), nor a duplicate merged into another (its votes count there).
 */
export const shownPublicly = `NOT ${keptBackSql} AND i.merged_into IS NULL`;

/** The same orders as the members' list, each walking an index of migration 500. */
const orderBy = {
  votes: 'i.vote_count DESC, i.created_at DESC, i.id DESC',
  newest: 'i.created_at DESC, i.id DESC',
} as const;

interface IdeaRow {
  id: string;
  title: string;
  text: string;
  category: string;
  vote_count: number;
  status: IdeaStatus;
  reason: string | null;
  author: string | null;
  photo: number;
  comments: number;
  created_at: string;
}

/**
 * One page of a published box's ideas, those kept back left out (`shownPublicly`). The author's name only when
 * they agreed (`users.public_name`, the one consent: a participant who said so at sign-up or
 * in their profile; members of the organisation never, whatever they said); never an
 * e-mail address or a phone number, which this query does not even read.
 */
export async function publicIdeas(ctx: Context, slug: string, query: PublicIdeaQuery): Promise<PublicIdeaBox> {
  const box = await publishedBox(ctx.db, slug);
  const rows = await ctx.db.all<IdeaRow>(
    `SELECT i.id, i.title, i.text, i.category, i.vote_count, i.status, i.reason, i.created_at,
            CASE WHEN u.participant = 1 AND u.public_name = 1 AND u.disabled_at IS NULL THEN u.name END AS author,
            EXISTS (SELECT 1 FROM idea_photos p WHERE p.idea_id = i.id) AS photo,
            (SELECT COUNT(*) FROM idea_comments c WHERE c.idea_id = i.id AND ${commentShownSql}) AS comments
       FROM ideas i JOIN users u ON u.id = i.author_id
      WHERE i.activity_id = ? AND ${shownPublicly}
      ORDER BY ${orderBy[query.sort]} LIMIT ? OFFSET ?`,
    [box.id, query.limit, query.offset],
  );
  const count = await ctx.db.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ideas i WHERE i.activity_id = ? AND ${shownPublicly}`, [box.id]);
  const total = count?.n ?? 0;
  const end = query.offset + rows.length;
  return {
    slug: box.slug,
    boxId: box.id,
    title: box.title,
    question: box.question,
    categories: box.categories,
    language: box.language,
    open: box.open,
    ideas: rows.map(toPublicIdea),
    total,
    next: end < total && rows.length > 0 ? end : null,
  };
}

const toPublicIdea = (row: IdeaRow): PublicIdea => ({
  id: row.id,
  title: row.title,
  text: row.text,
  category: row.category,
  votes: row.vote_count,
  status: row.status,
  answer: row.reason,
  author: row.author,
  photo: row.photo === 1,
  comments: row.comments,
  createdAt: row.created_at,
});

/** A published idea's photo file, or 404 (hidden idea, another box, no photo). */
export async function publicPhoto(db: Queries, slug: string, ideaId: string): Promise<{ file: string; type: PhotoType }> {
  const box = await publishedBox(db, slug);
  const row = await db.get<{ file: string; type: PhotoType }>(
    `SELECT p.file, p.type FROM ideas i JOIN idea_photos p ON p.idea_id = i.id WHERE i.id = ? AND i.activity_id = ? AND ${shownPublicly}`,
    [ideaId, box.id],
  );
  if (!row) throw notFound('photo');
  return row;
}

/** The ideas of a published box the caller voted for, and those they wrote (their own page state, never cached by others). */
export async function myPublicVotes(ctx: Context, userId: string, slug: string): Promise<MyPublicVotes> {
  const box = await publishedBox(ctx.db, slug);
  const voted = await ctx.db.all<{ id: string }>(
    `SELECT v.idea_id AS id FROM idea_votes v JOIN ideas i ON i.id = v.idea_id WHERE v.user_id = ? AND i.activity_id = ? LIMIT 5000`,
    [userId, box.id],
  );
  const mine = await ctx.db.all<{ id: string }>('SELECT id FROM ideas WHERE author_id = ? AND activity_id = ? LIMIT 5000', [userId, box.id]);
  return { ideaIds: voted.map((r) => r.id), mine: mine.map((r) => r.id) };
}
