import { activityLink } from '#core/people/links';
import type { Context } from '../context.ts';
import { notify } from '../notifications/notify.ts';
import { authorLink } from './author-link.ts';

/** Notices whose e-mail a restart sends at a time. */
const resumeBatch = 200;

/**
 * Tells one author of a merge by e-mail, as they chose for `idea_answer`, from their
 * in-app notice (written with `mail_due = 1` in the merge's transaction, migration 901).
 * The e-mail is keyed `idea:<theirs>:merged:<other>`: a second try, after a crash anywhere
 * between the commit and `mail_due = 0`, finds it queued already and sends nothing more;
 * the mail gateway owns the rest of "exactly once". A failure leaves the notice due, for
 * the next start.
 */
export async function tellMergedAuthor(ctx: Context, noticeId: number, requestedBy: string | null): Promise<void> {
  const row = await ctx.db.get<{
    user_id: string;
    idea_id: string;
    other_idea_id: string;
    mine: string;
    other: string;
    activity_id: string;
    org_id: string;
    duplicate: number;
  }>(
    `SELECT n.user_id, n.idea_id, n.other_idea_id, i.title AS mine, o.title AS other, i.activity_id, a.org_id,
            CASE WHEN i.merged_into = o.id THEN 1 ELSE 0 END AS duplicate
       FROM idea_notices n JOIN ideas i ON i.id = n.idea_id JOIN ideas o ON o.id = n.other_idea_id JOIN activities a ON a.id = i.activity_id
      WHERE n.id = ? AND n.kind = 'merged' AND n.mail_due = 1`,
    [noticeId],
  );
  if (!row) return;
  const [duplicate, kept] = Number(row.duplicate) === 1 ? [row.mine, row.other] : [row.other, row.mine];
  const link = await authorLink(ctx, row.user_id, row.activity_id, row.idea_id, activityLink(ctx.config.publicUrl ?? '', row.activity_id));
  try {
    await notify(ctx, {
      orgId: row.org_id,
      userId: row.user_id,
      kind: 'idea_answer',
      key: `idea:${row.idea_id}:merged:${row.other_idea_id}`,
      activityId: row.activity_id,
      requestedBy,
      write: (lang) => ({
        title: lang === 'fr' ? `Votre idée : ${row.mine}` : `Your idea: ${row.mine}`,
        lines: [
          lang === 'fr'
            ? `« ${duplicate} » a été fusionnée avec « ${kept} » : leurs votes comptent ensemble, chaque personne une fois.`
            : `"${duplicate}" was merged with "${kept}": their votes count together, each person once.`,
        ],
        link,
      }),
    });
    await ctx.db.run('UPDATE idea_notices SET mail_due = 0 WHERE id = ?', [noticeId]);
  } catch (err) {
    ctx.log.error({ err, noticeId }, 'could not e-mail the author of a merged idea; will retry at start');
  }
}

/** At start: e-mails what a crash left due, oldest first, a batch at a time. */
export async function resumeMergeNotices(ctx: Context): Promise<void> {
  let after = 0;
  for (;;) {
    const due = await ctx.db.all<{ id: number }>('SELECT id FROM idea_notices WHERE mail_due = 1 AND id > ? ORDER BY id LIMIT ?', [after, resumeBatch]);
    for (const { id } of due) await tellMergedAuthor(ctx, id, null);
    if (due.length < resumeBatch) return;
    after = due[due.length - 1]!.id;
  }
}
