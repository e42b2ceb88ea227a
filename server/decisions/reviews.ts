import type { Context } from '../context.ts';
import { activityPeople } from '../polls/records.ts';

/** The earliest review still to announce, or null. */
export async function nextReview(ctx: Context): Promise<string | null> {
  const row = await ctx.db.get<{ at: string | null }>(
    'SELECT MIN(review_at) AS at FROM decisions WHERE review_at IS NOT NULL AND reviewed_at IS NULL',
  );
  return row?.at ?? null;
}

/**
 * On a decision's review date: the facilitators are reminded to review it, and every
 * member is asked to rate how it turned out (in-app notices). Each review is announced
 * once, in the transaction that marks it done.
 */
export async function announceDueReviews(ctx: Context): Promise<void> {
  const now = ctx.now().toISOString();
  await ctx.db.transaction(async (tx) => {
    const due = await tx.all<{ id: string; activity_id: string }>(
      'SELECT id, activity_id FROM decisions WHERE review_at IS NOT NULL AND reviewed_at IS NULL AND review_at <= ?',
      [now],
    );
    for (const d of due) {
      const facilitators = await tx.all<{ userId: string }>(
        `SELECT subject_id AS userId FROM activity_members WHERE activity_id = ? AND subject_kind = 'user' AND role = 'facilitator'`,
        [d.activity_id],
      );
      for (const f of facilitators) {
        await tx.run(`INSERT INTO decision_notices (user_id, decision_id, kind, created_at) VALUES (?, ?, 'review_due', ?)`, [f.userId, d.id, now]);
      }
      for (const person of await activityPeople(tx, d.activity_id)) {
        await tx.run(`INSERT INTO decision_notices (user_id, decision_id, kind, created_at) VALUES (?, ?, 'rate', ?)`, [person.userId, d.id, now]);
      }
      await tx.run('UPDATE decisions SET reviewed_at = ? WHERE id = ?', [now, d.id]);
    }
  });
}
