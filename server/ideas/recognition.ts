import type { Recognition } from '#core/api/idea-funnel';
import { badgesOf, pointsOf } from '#core/ideas/recognition';
import type { Caller } from '../accounts/sessions.ts';
import type { Context } from '../context.ts';
import { setNamedPublicly } from '../people/profile.ts';
import { ideaBox } from './access.ts';

/** Most authors and hall-of-fame entries a box shows. */
const maxAuthors = 20;
const maxHallOfFame = 50;

/**
 * A box's recognition, for everyone who reads it: its authors with their points and
 * badges (core/ideas/recognition.ts; ideas hidden, off topic, pending or merged away do
 * not count), and its hall of fame — the implemented ideas, newest first, each with its
 * author's name only if that person agreed to be named publicly (`users.public_name`,
 * the one consent of migration 902).
 */
export async function recognition(ctx: Context, caller: Caller, boxId: string): Promise<Recognition> {
  const box = await ideaBox(ctx, caller, boxId);
  const counted = `i.activity_id = ? AND i.hidden_at IS NULL AND i.moderation = 'approved' AND i.merged_into IS NULL`;
  const rows = await ctx.db.all<{ id: string; name: string; ideas: number; accepted: number; implemented: number; votes: number }>(
    `SELECT u.id, u.name, COUNT(*) AS ideas, SUM(CASE WHEN i.status IN ('accepted', 'implemented') THEN 1 ELSE 0 END) AS accepted,
            SUM(CASE WHEN i.status = 'implemented' THEN 1 ELSE 0 END) AS implemented, SUM(i.vote_count) AS votes
       FROM ideas i JOIN users u ON u.id = i.author_id WHERE ${counted}
      GROUP BY u.id`,
    [box.id],
  );
  const authors = rows
    .map((r) => ({ ...r, points: pointsOf(r), badges: badgesOf(r) }))
    .sort((a, b) => b.points - a.points || b.votes - a.votes || a.name.localeCompare(b.name))
    .slice(0, maxAuthors);
  const fame = await ctx.db.all<{ id: string; title: string; name: string; credit: number; status_changed_at: string | null; vote_count: number }>(
    `SELECT i.id, i.title, u.name, u.public_name AS credit, i.status_changed_at, i.vote_count
       FROM ideas i JOIN users u ON u.id = i.author_id WHERE ${counted} AND i.status = 'implemented'
      ORDER BY i.status_changed_at DESC, i.id DESC LIMIT ?`,
    [box.id, maxHallOfFame],
  );
  return {
    authors,
    hallOfFame: fame.map((f) => ({ ideaId: f.id, title: f.title, author: Number(f.credit) === 1 ? f.name : null, implementedAt: f.status_changed_at, votes: f.vote_count })),
  };
}

/** The app's hall-of-fame switch: the same one consent as `PATCH /api/me {namedPublicly}`. */
export async function ideaCredit(ctx: Context, caller: Caller): Promise<{ credit: boolean }> {
  const row = await ctx.db.get<{ public_name: number }>('SELECT public_name FROM users WHERE id = ?', [caller.id]);
  return { credit: Number(row?.public_name) === 1 };
}

export async function setIdeaCredit(ctx: Context, caller: Caller, credit: boolean): Promise<{ credit: boolean }> {
  await setNamedPublicly(ctx, caller.id, credit);
  return { credit };
}
