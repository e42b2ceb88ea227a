import { mailLanguage, renderMail } from '#core/mail/templates';
import type { Context } from '../context.ts';
import { Pump } from '../pump.ts';
import { jobLease } from '../nodes/job-lease.ts';

/** The hour (UTC) daily digests go. */
export const digestHourUtc = 7;
/** Items listed in one digest at most (the rest are counted in the app). */
const itemsPerDigest = 50;
/** People whose digest is written per round (the event loop is free between rounds). */
const peoplePerRound = 200;

/** The first digest time strictly after `iso`. */
export function nextDigestAt(iso: string): string {
  const at = new Date(iso);
  const next = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate(), digestHourUtc));
  if (next.getTime() <= at.getTime()) next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString();
}

/** Sends, once a day, one e-mail per person holding what was kept for their digest. */
export class DigestSender {
  private readonly pump: Pump;

  constructor(private readonly ctx: Context) {
    this.pump = new Pump('digest', {
      log: ctx.log,
      now: ctx.now,
      next: async () => {
        const row = await ctx.db.get<{ at: string | null }>('SELECT MIN(created_at) AS at FROM digest_items WHERE sent_at IS NULL');
        return row?.at ? nextDigestAt(row.at) : null;
      },
      work: () => this.sendDue(),
      lease: jobLease(ctx, 'digest'),
    });
  }

  start() {
    return this.pump.start();
  }

  stop() {
    return this.pump.stop();
  }

  /** Settings changed: run now, and look again at when the next digest is due. */
  changed() {
    this.pump.wake();
  }

  /** Sends the digests whose time has come: items kept before the last digest hour. */
  async sendDue() {
    const now = this.ctx.now();
    const last = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), digestHourUtc));
    if (last.getTime() > now.getTime()) last.setUTCDate(last.getUTCDate() - 1);
    const cutoff = last.toISOString();
    for (;;) {
      const people = await this.ctx.db.all<{ user_id: string; org_id: string }>(
        'SELECT DISTINCT user_id, org_id FROM digest_items WHERE sent_at IS NULL AND created_at < ? LIMIT ?',
        [cutoff, peoplePerRound],
      );
      if (people.length === 0) return;
      for (const p of people) await this.sendOne(p.user_id, p.org_id, cutoff);
    }
  }

  private async sendOne(userId: string, orgId: string, cutoff: string) {
    const person = await this.ctx.db.get<{ name: string; email: string; locale: string | null; org_locale: string; disabled_at: string | null }>(
      'SELECT u.name, u.email, u.locale, o.locale AS org_locale, u.disabled_at FROM users u JOIN organizations o ON o.id = u.org_id WHERE u.id = ?',
      [userId],
    );
    const items = await this.ctx.db.all<{ id: number; title: string; line: string; link: string | null }>(
      'SELECT id, title, line, link FROM digest_items WHERE user_id = ? AND sent_at IS NULL AND created_at < ? ORDER BY id LIMIT ?',
      [userId, cutoff, itemsPerDigest],
    );
    if (person && !person.disabled_at && items.length > 0) {
      await this.ctx.mail.enqueue({
        orgId,
        userId,
        to: person.email,
        kind: 'digest',
        idempotencyKey: `digest:${userId}:${items[0]!.id}`,
        content: renderMail('digest', mailLanguage(person.locale ?? person.org_locale), { name: person.name, items }),
      });
    }
    const at = this.ctx.now().toISOString();
    await this.ctx.db.run('UPDATE digest_items SET sent_at = ? WHERE user_id = ? AND sent_at IS NULL AND created_at < ?', [at, userId, cutoff]);
  }
}
