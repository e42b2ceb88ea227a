import { may } from '../activities/access.ts';
import type { ForMe } from '#core/api/for-me';
import type { Caller } from '../accounts/sessions.ts';
import { listActivities } from '../activities/activities.ts';
import type { Context } from '../context.ts';
import { dialect } from '../store/dialect.ts';

/**
 * What needs the caller: open sealed rounds of their activities they may take part in
 * and have not, decisions published to them not yet acknowledged, activity deadlines
 * ahead. The activities are the caller's list (the same access rule as everywhere), so
 * nothing of an activity they cannot see is counted.
 */
export async function forMe(ctx: Context, caller: Caller): Promise<ForMe> {
  const activities = await listActivities(ctx, caller, {});
  const now = ctx.now().toISOString();
  const voting = activities.filter((a) => may.edit(a.myRole) && a.status !== 'archived');
  const titles = new Map(activities.map((a) => [a.id, a.title]));
  const ids = voting.map((a) => a.id);
  const votes =
    ids.length === 0
      ? []
      : await ctx.db.all<{ pollId: string; activityId: string; question: string; kind: string; round: number; deadline: string }>(
          `SELECT p.id AS "pollId", p.activity_id AS "activityId", ${dialect.jsonText(ctx.db.engine, 'p.definition', 'question')} AS question, p.kind, p.round, r.deadline
             FROM polls p JOIN poll_rounds r ON r.poll_id = p.id AND r.round = p.round
            WHERE p.status = 'open' AND r.revealed_at IS NULL AND p.activity_id IN (${dialect.jsonValues(ctx.db.engine)})
              AND NOT EXISTS (SELECT 1 FROM poll_participants pp WHERE pp.poll_id = p.id AND pp.round = p.round AND pp.user_id = ? AND pp.voted = 1)
            ORDER BY r.deadline, p.id`,
          [JSON.stringify(ids), caller.id],
        );
  const decisions = await ctx.db.all<{ activityId: string; outcome: string; publishedAt: string }>(
    `SELECT d.activity_id AS "activityId", d.outcome, d.published_at AS "publishedAt"
       FROM decision_recipients r JOIN decisions d ON d.id = r.decision_id
      WHERE r.user_id = ? AND r.acknowledged_at IS NULL ORDER BY d.published_at DESC LIMIT 200`,
    [caller.id],
  );
  const byActivity: ForMe['byActivity'] = {};
  for (const v of votes) {
    const seen = byActivity[v.activityId] ?? { toVote: 0, nextDeadline: null };
    seen.toVote += 1;
    if (seen.nextDeadline === null || v.deadline < seen.nextDeadline) seen.nextDeadline = v.deadline;
    byActivity[v.activityId] = seen;
  }
  return {
    votes: votes.map((v) => ({ ...v, activityTitle: titles.get(v.activityId) ?? '' })),
    decisions: decisions.filter((d) => titles.has(d.activityId)).map((d) => ({ ...d, activityTitle: titles.get(d.activityId) ?? '' })),
    deadlines: activities
      .filter((a) => a.deadline !== null && a.deadline > now && a.status !== 'decided' && a.status !== 'archived')
      .map((a) => ({ activityId: a.id, activityTitle: a.title, deadline: a.deadline ?? '' }))
      .sort((a, b) => a.deadline.localeCompare(b.deadline)),
    byActivity,
  };
}
