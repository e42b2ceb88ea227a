import type { PublishDecisionRequest } from '#core/api/decisions';
import type { Caller } from '../accounts/sessions.ts';
import { requireFacilitator } from '../activities/activities.ts';
import { newId } from '../auth/tokens.ts';
import type { Context } from '../context.ts';
import { badRequest, conflict } from '../http/errors.ts';
import { closePolls } from '../polls/polls.ts';
import { activityPeople, pollsOfActivity } from '../polls/records.ts';
import { attachedResult } from '../polls/results.ts';

/** A review date as the instant the review falls due: a bare date means the start of that day (UTC). */
export function reviewInstant(ctx: Context, reviewDate: string | undefined): string | null {
  if (reviewDate === undefined) return null;
  const at = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(reviewDate) ? `${reviewDate}T00:00:00Z` : reviewDate);
  if (at <= ctx.now().getTime()) throw badRequest('reviewDate: the review date must be in the future.');
  return new Date(at).toISOString();
}

/**
 * Publishes the activity's decision record (facilitators only, once). In one
 * transaction: the activity's polls are closed (open rounds revealed), the chosen
 * polls' results are attached, every member is listed as a recipient and told in the
 * app, and the activity becomes `decided`. SMS follow once it is committed.
 */
export async function publishDecision(ctx: Context, caller: Caller, activityId: string, input: PublishDecisionRequest) {
  const activity = await requireFacilitator(ctx, caller, activityId);
  if (activity.status === 'archived') throw conflict('This activity is archived.');
  const reviewAt = reviewInstant(ctx, input.reviewDate);
  const id = newId();
  const now = ctx.now().toISOString();
  await ctx.db.transaction(async (tx) => {
    if (await tx.get('SELECT 1 AS one FROM decisions WHERE activity_id = ?', [activityId])) {
      throw conflict('The decision of this activity is already published.');
    }
    const polls = await pollsOfActivity(tx, activityId);
    const wanted = input.polls ?? polls.map((p) => p.id);
    const unknown = wanted.filter((pid) => !polls.some((p) => p.id === pid));
    if (unknown.length > 0) throw badRequest(`polls: not polls of this activity: ${unknown.join(', ')}.`);
    await closePolls(tx, activityId, now, caller.id);
    const results = [];
    for (const poll of polls.filter((p) => wanted.includes(p.id))) results.push(await attachedResult(tx, poll));
    await tx.run(
      `INSERT INTO decisions (id, activity_id, outcome, chosen_option, rationale, dissent, review_at, results, published_by, published_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        id,
        activityId,
        input.outcome,
        input.chosenOption ?? null,
        input.rationale,
        input.dissent ?? null,
        reviewAt,
        JSON.stringify(results),
        caller.id,
        now,
      ],
    );
    for (const person of await activityPeople(tx, activityId)) {
      await tx.run('INSERT INTO decision_recipients (decision_id, user_id) VALUES (?, ?)', [id, person.userId]);
      await tx.run(`INSERT INTO decision_notices (user_id, decision_id, kind, created_at) VALUES (?, ?, 'published', ?)`, [
        person.userId,
        id,
        now,
      ]);
    }
    await tx.run(`UPDATE activities SET status = 'decided', updated_at = ? WHERE id = ?`, [now, activityId]);
  });
  return { id };
}
