import type { IdeaDetail } from '#core/api/ideas';
import type { ModerateIdeaRequest, ReportIdeaRequest } from '#core/api/idea-funnel';
import { ErrorCode } from '#core/api/errors';
import { judgeModeration, maxReportsPerDay } from '#core/ideas/moderation';
import { mayShortlist } from '#core/ideas/stages';
import type { Caller } from '../accounts/sessions.ts';
import type { Context } from '../context.ts';
import type { Queries } from '../store/db.ts';
import { conflict, forbidden, Refusal } from '../errors.ts';
import { ideaFor, requireBoxFacilitator } from './access.ts';
import { ideaDetail } from './list.ts';
import type { SimilarTitles } from './similar.ts';

/**
 * A facilitator approves an idea (pre-moderation, or back from off topic) or moves it off
 * topic with a reason its author reads. Either way the idea is reviewed (out of the
 * inbound queue) and its author gets an in-app notice, in the same transaction.
 */
export async function moderateIdea(ctx: Context, caller: Caller, ideaId: string, input: ModerateIdeaRequest, titles: SimilarTitles): Promise<IdeaDetail> {
  const { idea, box } = await ideaFor(ctx, caller, ideaId);
  requireBoxFacilitator(box);
  if (idea.merged_into) throw conflict('This idea was merged into another: moderate that one.');
  const judged = judgeModeration(idea.moderation, input.decision);
  if ('refusal' in judged) throw conflict(judged.refusal);
  const reason = input.reason?.trim() || null;
  if (judged.to === 'off_topic' && !reason) {
    const message = 'Say why the idea is off topic: its author will read the reason.';
    throw new Refusal(ErrorCode.validation, `reason: ${message}`, [{ path: 'reason', message }]);
  }
  const now = ctx.now().toISOString();
  await ctx.db.transaction(async (tx) => {
    const moved = await tx.run('UPDATE ideas SET moderation = ?, off_topic_reason = ?, reviewed_at = ? WHERE id = ? AND moderation = ?', [
      judged.to,
      judged.to === 'off_topic' ? reason : null,
      now,
      ideaId,
      idea.moderation,
    ]);
    if (moved.changes === 0) throw conflict('Someone moderated this idea meanwhile: reload it and try again.');
    await tx.run(`INSERT INTO idea_notices (user_id, idea_id, kind, reason, created_at) VALUES (?, ?, ?, ?, ?)`, [
      idea.author_id,
      ideaId,
      judged.to === 'approved' ? 'approved' : 'off_topic',
      judged.to === 'off_topic' ? reason : null,
      now,
    ]);
  });
  if (!idea.hidden_at) await titles.hiddenChanged(idea.activity_id, ideaId, idea.title, judged.to !== 'approved');
  return ideaDetail(ctx, caller, ideaId);
}

/** Puts an idea not answered yet on the box's shortlist, or takes it off. */
export async function shortlistIdea(ctx: Context, caller: Caller, ideaId: string, on: boolean): Promise<IdeaDetail> {
  const { idea, box } = await ideaFor(ctx, caller, ideaId);
  requireBoxFacilitator(box);
  if (!mayShortlist(idea.status)) throw conflict('Only an idea not answered yet can be shortlisted or taken off the shortlist.');
  if (idea.merged_into) throw conflict('This idea was merged into another: shortlist that one.');
  if (on === (idea.shortlisted_at !== null)) throw conflict(on ? 'This idea is already shortlisted.' : 'This idea is not shortlisted.');
  const now = ctx.now().toISOString();
  await ctx.db.run('UPDATE ideas SET shortlisted_at = ?, reviewed_at = COALESCE(reviewed_at, ?) WHERE id = ?', [on ? now : null, now, ideaId]);
  return ideaDetail(ctx, caller, ideaId);
}

/**
 * Anyone who reads an idea — a public participant on a published box too — reports it,
 * once, with a reason; at most `maxReportsPerDay` reports of ideas and comments a person a
 * day (429 past it, nothing stored). Authors do not report their own.
 */
export async function reportIdea(ctx: Context, caller: Caller, ideaId: string, input: ReportIdeaRequest): Promise<{ reported: true }> {
  // Public participants report the ideas of a published box too (issue 18: "report on any idea or comment").
  const { idea } = await ideaFor(ctx, caller, ideaId, 'public-read');
  if (idea.author_id === caller.id) throw forbidden('You cannot report your own idea.');
  const now = ctx.now();
  await ctx.db.transaction(async (tx) => {
    await refuseOverReports(tx, caller.id, now);
    const added = await tx.run(
      'INSERT INTO idea_reports (idea_id, reporter_id, reason, note, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
      [ideaId, caller.id, input.reason, input.note?.trim() || null, now.toISOString()],
    );
    if (added.changes === 0) throw conflict('You already reported this idea.');
  });
  return { reported: true };
}

/**
 * Reports of ideas and of comments share one count: `maxReportsPerDay` a person in the
 * last 24 hours (429 past it), judged inside the transaction that would add one.
 */
export async function refuseOverReports(tx: Queries, reporterId: string, now: Date) {
  const since = new Date(now.getTime() - 86_400_000).toISOString();
  const made = await tx.get<{ n: number }>(
    `SELECT (SELECT COUNT(*) FROM idea_reports WHERE reporter_id = ?1 AND created_at >= ?2)
          + (SELECT COUNT(*) FROM idea_comment_reports WHERE reporter_id = ?1 AND created_at >= ?2) AS n`,
    [reporterId, since],
  );
  if ((made?.n ?? 0) >= maxReportsPerDay) {
    throw new Refusal(ErrorCode.rateLimited, `You reported ${maxReportsPerDay} ideas or comments in the last 24 hours: try again tomorrow.`);
  }
}

/** A facilitator dismisses an idea's open reports (it stays as it is). */
export async function dismissReports(ctx: Context, caller: Caller, ideaId: string): Promise<IdeaDetail> {
  const { box } = await ideaFor(ctx, caller, ideaId);
  requireBoxFacilitator(box);
  const done = await ctx.db.run('UPDATE idea_reports SET dismissed_at = ? WHERE idea_id = ? AND dismissed_at IS NULL', [ctx.now().toISOString(), ideaId]);
  if (done.changes === 0) throw conflict('This idea has no report waiting.');
  return ideaDetail(ctx, caller, ideaId);
}
