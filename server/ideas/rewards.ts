import type { IdeaDetail } from '#core/api/ideas';
import { rewardSms } from '#core/ideas/reward-sms';
import { ideaLink } from '#core/people/links';
import type { Caller } from '../accounts/sessions.ts';
import type { Context } from '../context.ts';
import { conflict } from '../errors.ts';
import { notify } from '../notifications/notify.ts';
import { authorLink } from './author-link.ts';
import { ideaFor, requireBoxFacilitator } from './access.ts';
import { ideaDetail } from './list.ts';

/** The gateway `kind` of the SMS that deliver rewards. */
export const rewardSmsKind = 'ideas.reward';

/**
 * A facilitator attaches a reward (a voucher code…) to an implemented idea: at most one
 * per idea. The reward and the author's in-app notice are committed together; then the
 * author is told by e-mail and SMS as they chose for idea answers (`deliverReward`).
 * `crashAfterCommit` (tests) kills the relay between the two.
 */
export async function rewardIdea(ctx: Context, caller: Caller, ideaId: string, text: string, crashAfterCommit = false): Promise<IdeaDetail> {
  const { idea, box } = await ideaFor(ctx, caller, ideaId);
  requireBoxFacilitator(box);
  if (idea.status !== 'implemented') throw conflict('Only an implemented idea can be rewarded.');
  const now = ctx.now().toISOString();
  await ctx.db.transaction(async (tx) => {
    const added = await tx.run('INSERT INTO idea_rewards (idea_id, text, created_by, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING', [ideaId, text.trim(), caller.id, now]);
    if (added.changes === 0) throw conflict('This idea has its reward already: a reward is given once.');
    await tx.run(`INSERT INTO idea_notices (user_id, idea_id, kind, reason, created_at) VALUES (?, ?, 'reward', ?, ?)`, [idea.author_id, ideaId, text.trim(), now]);
  });
  if (crashAfterCommit) process.kill(process.pid, 'SIGKILL');
  await deliverReward(ctx, ideaId);
  return ideaDetail(ctx, caller, ideaId);
}

/**
 * Tells the author of their reward, once: the e-mail and the SMS are keyed
 * `idea:<id>:reward`, so a second try (after a crash anywhere between the commit and
 * `told_at`) finds the messages already queued and sends nothing more; the gateways own
 * the rest of "exactly once" (an SMS in doubt at a crash is resolved by its receipt).
 */
export async function deliverReward(ctx: Context, ideaId: string): Promise<void> {
  const row = await ctx.db.get<{ text: string; created_by: string; title: string; author_id: string; activity_id: string; org_id: string }>(
    `SELECT w.text, w.created_by, i.title, i.author_id, i.activity_id, u.org_id
       FROM idea_rewards w JOIN ideas i ON i.id = w.idea_id JOIN users u ON u.id = i.author_id
      WHERE w.idea_id = ? AND w.told_at IS NULL`,
    [ideaId],
  );
  if (!row) return;
  const link = await authorLink(ctx, row.author_id, row.activity_id, ideaId, ideaLink(ctx.config.publicUrl ?? '', row.activity_id, ideaId));
  try {
    const told = await notify(ctx, {
      orgId: row.org_id,
      userId: row.author_id,
      kind: 'idea_answer',
      key: `idea:${ideaId}:reward`,
      activityId: row.activity_id,
      requestedBy: row.created_by,
      write: (lang) => ({
        title: lang === 'fr' ? `Votre idée : ${row.title}` : `Your idea: ${row.title}`,
        lines: [rewardSms({ title: row.title, reward: row.text, locale: lang })],
        link,
      }),
      sms: { kind: rewardSmsKind, urgent: false, text: (lang) => rewardSms({ title: row.title, reward: row.text, locale: lang }) },
    });
    await ctx.db.run('UPDATE idea_rewards SET told_at = ?, email_status = ?, sms_message_id = ?, sms_status = ? WHERE idea_id = ?', [
      ctx.now().toISOString(),
      told.email,
      told.sms?.messageId ?? null,
      told.sms?.status ?? null,
      ideaId,
    ]);
  } catch (err) {
    ctx.log.error({ err, ideaId }, 'could not tell the author of a reward; will retry at start');
  }
}

/** Delivers what a crash left untold. */
export async function resumeRewards(ctx: Context): Promise<void> {
  const untold = await ctx.db.all<{ idea_id: string }>('SELECT idea_id FROM idea_rewards WHERE told_at IS NULL ORDER BY created_at LIMIT 1000');
  for (const { idea_id } of untold) await deliverReward(ctx, idea_id);
}

export function listenToRewardSms(ctx: Context): void {
  ctx.sms.onStatus(rewardSmsKind, async (change) => {
    await ctx.db.run('UPDATE idea_rewards SET sms_status = ? WHERE sms_message_id = ?', [change.status, change.messageId]);
  });
}
