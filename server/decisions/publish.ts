import type { PublishDecisionRequest } from '#core/api/decisions';
import { boardsOnRecord } from '#core/doc/board-records';
import type { Caller } from '../accounts/sessions.ts';
import { requireFacilitator } from '../activities/activities.ts';
import { readStoredDocument } from '../activities/stored-document.ts';
import { newId } from '../auth/tokens.ts';
import type { Context } from '../context.ts';
import { badRequest, conflict } from '../errors.ts';
import { answerFromDecision } from '../ideas/study.ts';
import { closePolls } from '../polls/polls.ts';
import { pollsOfActivity } from '../polls/records.ts';
import { attachedResult } from '../polls/results.ts';
import type { Queries } from '../store/db.ts';

/** A review date as the instant the review falls due: a bare date means the start of that day (UTC). */
export function reviewInstant(ctx: Context, reviewDate: string | undefined): string | null {
  if (reviewDate === undefined) return null;
  const at = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(reviewDate) ? `${reviewDate}T00:00:00Z` : reviewDate);
  if (at <= ctx.now().getTime()) throw badRequest('reviewDate: the review date must be in the future.');
  return new Date(at).toISOString();
}

/**
 * Everyone who holds a role in the activity, directly or through a group, and is not
 * disabled: the recipients of its decision. As SQL, so that listing 20,000 members is
 * one statement run by the store, not 20,000 awaited inserts holding it.
 */
const activityPeopleSql = `
  SELECT u.id AS user_id FROM activity_members am JOIN users u ON u.id = am.subject_id
   WHERE am.activity_id = ?1 AND am.subject_kind = 'user' AND u.disabled_at IS NULL
  UNION
  SELECT u.id FROM activity_members am JOIN group_members gm ON gm.group_id = am.subject_id JOIN users u ON u.id = gm.user_id
   WHERE am.activity_id = ?1 AND am.subject_kind = 'group' AND u.disabled_at IS NULL`;

/**
 * Publishes the activity's decision record (facilitators only, once). In one
 * transaction: the activity's polls are closed (open rounds revealed), the chosen
 * polls' results are attached with what the boards hold (read just before), every
 * member is listed as a recipient and told in the app, and the activity becomes `decided`. The statements are a fixed handful whatever
 * the number of members. SMS follow once it is committed (sms.ts, in batches).
 */
export async function publishDecision(ctx: Context, caller: Caller, activityId: string, input: PublishDecisionRequest) {
  const activity = await requireFacilitator(ctx, caller, activityId);
  if (activity.status === 'archived') throw conflict('This activity is archived.');
  const reviewAt = reviewInstant(ctx, input.reviewDate);
  const id = newId();
  // What the boards hold as it is published (bounded: core/doc/board-records.ts).
  const boards = await readStoredDocument(ctx, activityId, boardsOnRecord);
  const now = ctx.now().toISOString();
  const ideaChange = await ctx.db.transaction(async (tx) => {
    if (await tx.get('SELECT 1 AS one FROM decisions WHERE activity_id = ?', [activityId])) {
      throw conflict('The decision of this activity is already published.');
    }
    const polls = await pollsOfActivity(tx, activityId);
    const wanted = input.polls ?? polls.map((p) => p.id);
    const unknown = wanted.filter((pid) => !polls.some((p) => p.id === pid));
    if (unknown.length > 0) throw badRequest(`polls: not polls of this activity: ${unknown.join(', ')}.`);
    await closePolls(tx, activityId, now, caller.id);
    const results = [];
    for (const poll of polls.filter((p) => wanted.includes(p.id))) results.push(await attachedResult(tx, poll, ctx.config.secretKey));
    await tx.run(
      `INSERT INTO decisions (id, activity_id, outcome, chosen_option, rationale, dissent, review_at, results, boards, published_by, published_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        id,
        activityId,
        input.outcome,
        input.chosenOption ?? null,
        input.rationale,
        input.dissent ?? null,
        reviewAt,
        JSON.stringify(results),
        JSON.stringify(boards),
        caller.id,
        now,
      ],
    );
    await attachFiles(tx, activityId, id, input.files ?? []);
    await tx.run(`INSERT INTO decision_recipients (decision_id, user_id) SELECT ?2, user_id FROM (${activityPeopleSql}) people ORDER BY user_id`, [
      activityId,
      id,
    ]);
    await tx.run(
      `INSERT INTO decision_notices (user_id, decision_id, kind, created_at)
       SELECT user_id, decision_id, 'published', ? FROM decision_recipients WHERE decision_id = ? ORDER BY user_id`,
      [now, id],
    );
    await tx.run(`UPDATE activities SET status = 'decided', updated_at = ? WHERE id = ?`, [now, activityId]);
    // An activity studying an idea answers it with the same commit (server/ideas/study.ts).
    return answerFromDecision(tx, { activityId, verdict: input.ideaAnswer, rationale: input.rationale, by: caller.id, now });
  });
  return { id, ideaChange };
}

/**
 * Lists the chosen files of the activity on the record, as they are now (name, size,
 * type), in the order given; a file twice is listed once. One that is not a file of this
 * activity refuses the whole publication (400), nothing changed.
 */
async function attachFiles(tx: Queries, activityId: string, decisionId: string, ids: readonly string[]) {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return;
  const rows = await tx.all<{ id: string; name: string; bytes: number; type: string }>(
    `SELECT f.id, f.name, f.bytes, b.type FROM activity_files f JOIN file_blobs b ON b.sha256 = f.sha256
      WHERE f.activity_id = ? AND f.id IN (${wanted.map(() => '?').join(', ')})`,
    [activityId, ...wanted],
  );
  const unknown = wanted.filter((fid) => !rows.some((r) => r.id === fid));
  if (unknown.length > 0) throw badRequest(`files: not files of this activity: ${unknown.join(', ')}.`);
  for (const [position, fid] of wanted.entries()) {
    const row = rows.find((r) => r.id === fid)!;
    await tx.run('INSERT INTO decision_files (decision_id, position, file_id, name, bytes, type) VALUES (?, ?, ?, ?, ?, ?)', [
      decisionId,
      position,
      row.id,
      row.name,
      row.bytes,
      row.type,
    ]);
  }
}
