import type { ChangeIdeaStatusRequest, IdeaDetail } from '#core/api/ideas';
import { ErrorCode } from '#core/api/errors';
import { judgeStatusChange, StatusRefusal } from '#core/ideas/status';
import type { Caller } from '../accounts/sessions.ts';
import type { Context } from '../context.ts';
import { conflict, Refusal } from '../errors.ts';
import type { IdeaStatus } from '#core/ideas/status';
import type { Queries } from '../store/db.ts';
import { ideaFor, requireBoxFacilitator, type IdeaRow } from './access.ts';
import { ideaDetail } from './list.ts';
import type { SimilarTitles } from './similar.ts';
import { sendStatusSms } from './sms.ts';

/**
 * A facilitator answers an idea: the status moves along core/ideas/status.ts, the
 * change is recorded with its reason, the author gets an in-app notice — all in one
 * transaction — and then an SMS (sms.ts; retried at start if the relay stops between).
 */
export async function changeStatus(
  ctx: Context,
  caller: Caller,
  ideaId: string,
  input: ChangeIdeaStatusRequest,
  crashAfterCommit = false,
): Promise<IdeaDetail> {
  const { idea, box } = await ideaFor(ctx, caller, ideaId);
  requireBoxFacilitator(box);
  if (idea.merged_into) throw conflict('This idea was merged into another: answer that one.');
  const reason = input.reason?.trim() || null;
  const refusal = judgeStatusChange(idea.status, input.status, reason);
  if (refusal) {
    if (refusal.refusal === StatusRefusal.reasonRequired || refusal.refusal === StatusRefusal.reasonTooLong) {
      throw new Refusal(ErrorCode.validation, `reason: ${refusal.message}`, [{ path: 'reason', message: refusal.message }]);
    }
    throw conflict(refusal.message);
  }
  const now = ctx.now().toISOString();
  const changeId = await ctx.db.transaction((tx) => recordStatusChange(tx, { idea, to: input.status, reason, by: caller.id, now }));
  if (crashAfterCommit) process.kill(process.pid, 'SIGKILL');
  await sendStatusSms(ctx, changeId);
  return ideaDetail(ctx, caller, ideaId);
}

/**
 * Inside a transaction: moves the idea from the status it was read with (two
 * facilitators answering at once do not both win), records the change with its reason
 * and tells the author in the app. Returns the change's id, for its e-mail and SMS
 * (`sendStatusSms`); a `quiet` change is told in the app only (marked so: never sent).
 */
export async function recordStatusChange(
  tx: Queries,
  input: { idea: Pick<IdeaRow, 'id' | 'status' | 'author_id'>; to: IdeaStatus; reason: string | null; by: string; now: string; quiet?: boolean },
): Promise<number> {
  const { idea, to, reason, now } = input;
  const moved = await tx.run(
    'UPDATE ideas SET status = ?, reason = ?, status_changed_at = ?, reviewed_at = COALESCE(reviewed_at, ?) WHERE id = ? AND status = ?',
    [to, reason, now, now, idea.id, idea.status],
  );
  if (moved.changes === 0) throw conflict('Someone answered this idea meanwhile: reload it and try again.');
  const change = await tx.get<{ id: number }>(
    `INSERT INTO idea_status_changes (idea_id, from_status, to_status, reason, changed_by, changed_at, sms_status) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`,
    [idea.id, idea.status, to, reason, input.by, now, input.quiet ? quietChange : null],
  );
  await tx.run(`INSERT INTO idea_notices (user_id, idea_id, kind, status, reason, created_at) VALUES (?, ?, 'status', ?, ?, ?)`, [
    idea.author_id,
    idea.id,
    to,
    reason,
    now,
  ]);
  if (!change) throw new Error('the status change was not recorded');
  return change.id;
}

/** The SMS status of a change told in the app only (an idea taken into study). */
export const quietChange = 'in_app_only';

/** Hides an abusive idea from everyone but its author (who reads why) and the facilitators. */
export async function hideIdea(
  ctx: Context,
  caller: Caller,
  ideaId: string,
  reason: string | null,
  titles: SimilarTitles,
): Promise<IdeaDetail> {
  const { idea, box } = await ideaFor(ctx, caller, ideaId);
  requireBoxFacilitator(box);
  const hide = reason !== null;
  if (hide === Boolean(idea.hidden_at)) throw conflict(hide ? 'This idea is already hidden.' : 'This idea is not hidden.');
  const now = ctx.now().toISOString();
  await ctx.db.transaction(async (tx) => {
    await tx.run('UPDATE ideas SET hidden_reason = ?, hidden_at = ?, reviewed_at = COALESCE(reviewed_at, ?) WHERE id = ?', [reason, hide ? now : null, now, ideaId]);
    // Hiding acts on the reports waiting: they leave the reported queue.
    if (hide) await tx.run('UPDATE idea_reports SET dismissed_at = ? WHERE idea_id = ? AND dismissed_at IS NULL', [now, ideaId]);
    await tx.run(`INSERT INTO idea_notices (user_id, idea_id, kind, reason, created_at) VALUES (?, ?, ?, ?, ?)`, [
      idea.author_id,
      ideaId,
      hide ? 'hidden' : 'shown',
      reason,
      now,
    ]);
  });
  await titles.hiddenChanged(idea.activity_id, ideaId, idea.title, hide);
  return ideaDetail(ctx, caller, ideaId);
}
