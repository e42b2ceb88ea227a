import { recordActionsLimit, type AttachedResult, type BoardOnRecord, type DecisionAction, type DecisionRecord, type RateDecisionRequest } from '#core/api/decisions';
import type { Caller } from '../accounts/sessions.ts';
import { activityFor } from '../activities/activities.ts';
import type { Context } from '../context.ts';
import { conflict, forbidden, notFound } from '../errors.ts';

interface DecisionRow {
  id: string;
  organization: string;
  activity_id: string;
  title: string;
  question: string;
  outcome: string;
  chosen_option: string | null;
  rationale: string;
  dissent: string | null;
  review_at: string | null;
  reviewed_at: string | null;
  results: string;
  boards: string;
  published_by: string;
  publisher: string;
  published_at: string;
}

async function decisionRow(ctx: Context, caller: Caller, activityId: string): Promise<DecisionRow> {
  await activityFor(ctx, caller, activityId);
  const row = await ctx.db.get<DecisionRow>(
    `SELECT d.*, a.title, a.question, u.name AS publisher, o.name AS organization FROM decisions d
       JOIN activities a ON a.id = d.activity_id JOIN users u ON u.id = d.published_by JOIN organizations o ON o.id = a.org_id
      WHERE d.activity_id = ?`,
    [activityId],
  );
  if (!row) throw notFound('decision: none has been published for this activity yet');
  return row;
}

/** The decision record, as every member of the activity may read it. */
export async function decisionRecord(ctx: Context, caller: Caller, activityId: string): Promise<DecisionRecord> {
  const row = await decisionRow(ctx, caller, activityId);
  const recipients = await ctx.db.all<{
    userId: string;
    name: string;
    sms_message_id: string | null;
    sms_status: string | null;
    sms_segments: number | null;
    acknowledged_at: string | null;
    acknowledged_via: 'sms' | 'app' | 'email' | null;
  }>(
    `SELECT r.user_id AS "userId", u.name, r.sms_message_id, r.sms_status, r.sms_segments, r.acknowledged_at, r.acknowledged_via
       FROM decision_recipients r JOIN users u ON u.id = r.user_id WHERE r.decision_id = ? ORDER BY lower(u.name)`,
    [row.id],
  );
  const files = await ctx.db.all<{ fileId: string | null; name: string; size: number; type: string }>(
    'SELECT file_id AS "fileId", name, bytes AS size, type FROM decision_files WHERE decision_id = ? ORDER BY position',
    [row.id],
  );
  const ratings = await ctx.db.all<{ user_id: string; rating: number; comment: string | null }>(
    'SELECT user_id, rating, comment FROM decision_ratings WHERE decision_id = ? ORDER BY rated_at',
    [row.id],
  );
  const actions = await ctx.db.all<{ item_id: string; title: string; owner_name: string | null; due: string; status: DecisionAction['status']; source: string | null }>(
    `SELECT i.item_id, i.title, u.name AS owner_name, i.due, i.status, i.source FROM action_items i LEFT JOIN users u ON u.id = i.owner_id
      WHERE i.activity_id = ? ORDER BY i.due, i.item_id LIMIT ?`,
    [activityId, recordActionsLimit],
  );
  const idea = await ctx.db.get<{ id: string; activity_id: string; title: string; status: string }>(
    'SELECT id, activity_id, title, status FROM ideas WHERE study_activity_id = ?',
    [activityId],
  );
  return {
    id: row.id,
    organization: row.organization,
    activityId: row.activity_id,
    activityTitle: row.title,
    question: row.question,
    outcome: row.outcome,
    chosenOption: row.chosen_option,
    rationale: row.rationale,
    dissent: row.dissent,
    reviewDate: row.review_at,
    results: JSON.parse(row.results) as AttachedResult[],
    files,
    boards: JSON.parse(row.boards) as BoardOnRecord[],
    publishedBy: { userId: row.published_by, name: row.publisher },
    publishedAt: row.published_at,
    recipients: recipients.map((r) => ({
      userId: r.userId,
      name: r.name,
      sms: r.sms_status === null ? null : { messageId: r.sms_message_id, status: r.sms_status, segments: r.sms_segments },
      acknowledgedAt: r.acknowledged_at,
      acknowledgedVia: r.acknowledged_via,
    })),
    ratings: {
      count: ratings.length,
      mean: ratings.length === 0 ? null : ratings.reduce((s, r) => s + r.rating, 0) / ratings.length,
      mine: ratings.find((r) => r.user_id === caller.id)?.rating ?? null,
      comments: ratings.flatMap((r) => (r.comment ? [r.comment] : [])),
    },
    actions: actions.map((a) => ({ id: a.item_id, title: a.title, ownerName: a.owner_name ?? '', due: a.due, status: a.status, fromDecision: a.source === 'decision' })),
    idea: idea ? { id: idea.id, boxId: idea.activity_id, title: idea.title, status: idea.status } : null,
  };
}

/** A member acknowledges the decision in the app (the SMS way is "OK"). */
export async function acknowledgeDecision(ctx: Context, caller: Caller, activityId: string) {
  const row = await decisionRow(ctx, caller, activityId);
  const done = await ctx.db.run(
    `UPDATE decision_recipients SET acknowledged_at = ?, acknowledged_via = 'app'
      WHERE decision_id = ? AND user_id = ? AND acknowledged_at IS NULL`,
    [ctx.now().toISOString(), row.id, caller.id],
  );
  if (done.changes === 0) {
    const listed = await ctx.db.get('SELECT 1 AS one FROM decision_recipients WHERE decision_id = ? AND user_id = ?', [row.id, caller.id]);
    if (!listed) throw forbidden('This decision was not published to you.');
  }
}

/** From the review date on, each member rates how the decision turned out (again to change it). */
export async function rateDecision(ctx: Context, caller: Caller, activityId: string, input: RateDecisionRequest) {
  const row = await decisionRow(ctx, caller, activityId);
  if (!row.review_at) throw conflict('This decision has no review date.');
  if (Date.parse(row.review_at) > ctx.now().getTime()) throw conflict(`Ratings open on the review date, ${row.review_at}.`);
  const listed = await ctx.db.get('SELECT 1 AS one FROM decision_recipients WHERE decision_id = ? AND user_id = ?', [row.id, caller.id]);
  if (!listed) throw forbidden('This decision was not published to you.');
  await ctx.db.run(
    `INSERT INTO decision_ratings (decision_id, user_id, rating, comment, rated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (decision_id, user_id) DO UPDATE SET rating = excluded.rating, comment = excluded.comment, rated_at = excluded.rated_at`,
    [row.id, caller.id, input.rating, input.comment ?? null, ctx.now().toISOString()],
  );
}

/** The caller's in-app notices about decisions, newest first. */
export async function decisionNotices(ctx: Context, caller: Caller) {
  return ctx.db.all<{ id: number; kind: string; activityId: string; activityTitle: string; createdAt: string; readAt: string | null }>(
    `SELECT n.id, n.kind, d.activity_id AS "activityId", a.title AS "activityTitle", n.created_at AS "createdAt", n.read_at AS "readAt"
       FROM decision_notices n JOIN decisions d ON d.id = n.decision_id JOIN activities a ON a.id = d.activity_id
      WHERE n.user_id = ? ORDER BY n.id DESC LIMIT 200`,
    [caller.id],
  );
}

export async function readNotice(ctx: Context, caller: Caller, id: number) {
  const done = await ctx.db.run('UPDATE decision_notices SET read_at = COALESCE(read_at, ?) WHERE id = ? AND user_id = ?', [
    ctx.now().toISOString(),
    id,
    caller.id,
  ]);
  if (done.changes === 0) throw notFound('notice');
}
