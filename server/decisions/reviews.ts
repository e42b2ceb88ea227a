import { activityLink } from '#core/people/links';
import type { Context } from '../context.ts';
import { notify } from '../notifications/notify.ts';
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
 * once, in the transaction that marks it done; facilitators are then told by e-mail and
 * SMS as they chose for `review_due`.
 */
export async function announceDueReviews(ctx: Context): Promise<void> {
  const now = ctx.now().toISOString();
  const reminded: { decisionId: string; activityId: string; orgId: string; title: string; userId: string }[] = [];
  await ctx.db.transaction(async (tx) => {
    const due = await tx.all<{ id: string; activity_id: string; org_id: string; title: string }>(
      `SELECT d.id, d.activity_id, a.org_id, a.title FROM decisions d JOIN activities a ON a.id = d.activity_id
        WHERE d.review_at IS NOT NULL AND d.reviewed_at IS NULL AND d.review_at <= ?`,
      [now],
    );
    for (const d of due) {
      const facilitators = await tx.all<{ userId: string }>(
        `SELECT subject_id AS "userId" FROM activity_members WHERE activity_id = ? AND subject_kind = 'user' AND role = 'facilitator'`,
        [d.activity_id],
      );
      for (const f of facilitators) {
        await tx.run(`INSERT INTO decision_notices (user_id, decision_id, kind, created_at) VALUES (?, ?, 'review_due', ?)`, [f.userId, d.id, now]);
        reminded.push({ decisionId: d.id, activityId: d.activity_id, orgId: d.org_id, title: d.title, userId: f.userId });
      }
      for (const person of await activityPeople(tx, d.activity_id)) {
        await tx.run(`INSERT INTO decision_notices (user_id, decision_id, kind, created_at) VALUES (?, ?, 'rate', ?)`, [person.userId, d.id, now]);
      }
      await tx.run('UPDATE decisions SET reviewed_at = ? WHERE id = ?', [now, d.id]);
    }
  });
  // Then by e-mail and SMS as each facilitator chose (keyed: a crash in between loses at most these, never the in-app notice).
  for (const r of reminded) {
    await notify(ctx, {
      orgId: r.orgId,
      userId: r.userId,
      kind: 'review_due',
      key: `review:${r.decisionId}:${r.userId}`,
      activityId: r.activityId,
      write: (lang) => ({
        title: lang === 'fr' ? `Revue due : ${r.title}` : `Review due: ${r.title}`,
        lines: [lang === 'fr' ? 'La date de revue de cette décision est arrivée : comment a-t-elle tourné ?' : 'This decision’s review date has come: how did it turn out?'],
        link: activityLink(ctx.config.publicUrl ?? '', r.activityId),
      }),
      sms: {
        kind: 'decisions.review',
        urgent: false,
        text: (lang) => (lang === 'fr' ? `Conclave : revue due pour « ${r.title} ».` : `Conclave: review due for "${r.title}".`),
      },
    }).catch((err: unknown) => ctx.log.error({ err, decisionId: r.decisionId }, 'could not send a review reminder'));
  }
}
