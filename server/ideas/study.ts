import type { IdeaDetail } from '#core/api/ideas';
import { ErrorCode } from '#core/api/errors';
import { studyActivity, type IdeaVerdict } from '#core/ideas/study';
import { judgeStatusChange, maxReasonLength } from '#core/ideas/status';
import { ideaLink } from '#core/people/links';
import type { Caller } from '../accounts/sessions.ts';
import type { StudiedIdeaOnRecord } from '#core/api/decisions';
import { activityFor, createActivity } from '../activities/activities.ts';
import type { Context } from '../context.ts';
import { conflict, Refusal } from '../errors.ts';
import type { Queries } from '../store/db.ts';
import { ideaFor, requireBoxFacilitator, type IdeaRow } from './access.ts';
import { recordStatusChange } from './answers.ts';
import { ideaDetail } from './list.ts';

/**
 * "Study this idea": a facilitator of the box opens an activity whose title, question
 * and brief come from the idea (its text, category, author, votes, and the link to its
 * photo and votes); they facilitate it. The idea is marked as studied there and, if not
 * answered yet, moves to `under_study` (its author told in the app). One study per idea.
 */
export async function studyIdea(ctx: Context, caller: Caller, ideaId: string): Promise<{ activityId: string; idea: IdeaDetail }> {
  const { idea, box } = await ideaFor(ctx, caller, ideaId);
  requireBoxFacilitator(box);
  if (idea.study_activity_id) throw conflict('This idea is already studied in an activity.');
  if (idea.merged_into) throw conflict('This idea was merged into another: study that one.');
  if (idea.hidden_at || idea.moderation !== 'approved') throw conflict('Only an approved idea, not hidden, can be studied.');
  if (idea.status !== 'new' && idea.status !== 'under_study') throw conflict('This idea is answered already: only an idea not answered yet, or under study, can be studied.');
  const about = await ctx.db.get<{ author: string; locale: string; photo: number }>(
    `SELECT u.name AS author, o.locale, EXISTS (SELECT 1 FROM idea_photos p WHERE p.idea_id = i.id) AS photo
       FROM ideas i JOIN users u ON u.id = i.author_id JOIN organizations o ON o.id = u.org_id WHERE i.id = ?`,
    [ideaId],
  );
  const words = studyActivity(
    {
      title: idea.title,
      text: idea.text,
      category: idea.category,
      author: about?.author ?? '',
      votes: idea.vote_count,
      hasPhoto: about?.photo === 1,
      link: ideaLink(ctx.config.publicUrl ?? '', idea.activity_id, idea.id),
    },
    about?.locale ?? 'en',
  );
  const { id: activityId } = await createActivity(ctx, caller, words);
  const now = ctx.now().toISOString();
  await ctx.db.transaction(async (tx) => {
    const claimed = await tx.run('UPDATE ideas SET study_activity_id = ?, reviewed_at = COALESCE(reviewed_at, ?) WHERE id = ? AND study_activity_id IS NULL', [
      activityId,
      now,
      ideaId,
    ]);
    if (claimed.changes === 0) throw conflict('This idea was taken into study meanwhile.');
    if (idea.status === 'new') await recordStatusChange(tx, { idea, to: 'under_study', reason: null, by: caller.id, now, quiet: true });
  });
  return { activityId, idea: await ideaDetail(ctx, caller, ideaId) };
}

/**
 * Inside the transaction publishing a decision: when the activity studies an idea, the
 * decision's verdict and rationale become the idea's answer (accepted or declined with
 * its reason; the rationale is cut to a reason's length). Returns the status change, for
 * the author's e-mail and SMS once committed; null when the activity studies no idea.
 * A verdict without an idea, an idea without a verdict, or a move the idea's status
 * does not allow refuses the whole publication (nothing is published).
 */
export async function answerFromDecision(
  tx: Queries,
  input: { activityId: string; verdict: IdeaVerdict | undefined; rationale: string; by: string; now: string },
): Promise<number | null> {
  const idea = await tx.get<IdeaRow>('SELECT * FROM ideas WHERE study_activity_id = ?', [input.activityId]);
  if (!idea) {
    if (input.verdict) throw invalid('this activity studies no idea: leave ideaAnswer out.');
    return null;
  }
  if (!input.verdict) throw invalid(`say whether the idea "${idea.title}" is accepted or declined: its author is told, with the rationale as the reason.`);
  const reason = clip(input.rationale.trim(), maxReasonLength);
  const refusal = judgeStatusChange(idea.status, input.verdict, reason);
  if (refusal) throw conflict(`The idea "${idea.title}" cannot take this answer: ${refusal.message}`);
  return recordStatusChange(tx, { idea, to: input.verdict, reason, by: input.by, now: input.now });
}

const invalid = (message: string) => new Refusal(ErrorCode.validation, `ideaAnswer: ${message}`, [{ path: 'ideaAnswer', message }]);

function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

/** The idea an activity studies, for anyone who reads the activity (its decision form asks for the answer); null when none. */
export async function studiedIdea(ctx: Context, caller: Caller, activityId: string): Promise<{ idea: StudiedIdeaOnRecord | null }> {
  await activityFor(ctx, caller, activityId);
  const row = await ctx.db.get<{ id: string; activity_id: string; title: string; status: string }>(
    'SELECT id, activity_id, title, status FROM ideas WHERE study_activity_id = ?',
    [activityId],
  );
  return { idea: row ? { id: row.id, boxId: row.activity_id, title: row.title, status: row.status } : null };
}
