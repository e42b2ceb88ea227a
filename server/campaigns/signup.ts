import { campaignLimits, publicConfirmLink, publicPagePath, type PublicSignupRequest } from '#core/api/campaigns';
import { ErrorCode } from '#core/api/errors';
import { mailLanguage, renderMail } from '#core/mail/templates';
import { isLinkToken } from '#core/people/links';
import { openSession } from '../accounts/sessions.ts';
import { addressKey } from '../accounts/sign-in-throttle.ts';
import { hashPassword } from '../auth/passwords.ts';
import { hashSecret, newId, newSecret } from '../auth/tokens.ts';
import type { Context } from '../context.ts';
import { Refusal, notFound } from '../errors.ts';
import { take, tooMany, type CampaignRates } from './limits.ts';
import type { Queries } from '../store/db.ts';
import { publishedBox, publishedBoxById } from './public-box.ts';

/** Pending sign-ups removed per sign-up once expired: the table never grows with stale rows. */
const prunePerSignup = 50;

/** The address's sign-ups this hour, judged before the request's body is read. */
export async function takeSignupAddress(ctx: Context, rates: CampaignRates, remote: string | undefined) {
  await take(rates.signupAddresses, addressKey(remote), ctx.now().getTime(), 'sign-ups from this address this hour');
}

/**
 * `POST /api/public/idea-boxes/:slug/sign-up`: answered 202 whatever the address, so
 * nobody learns who has an account. The address's limit is judged first (nothing read,
 * hashed or written past it), then the e-mail's. A filled honeypot is answered the same
 * and dropped. An address with an account gets an e-mail saying so; any other gets a
 * link, and only that link, once opened, makes an account: before it nothing of the
 * person is stored but the pending sign-up, and nothing they write can be published.
 * The password is hashed either way, so the answer takes as long.
 */
export async function publicSignUp(ctx: Context, rates: CampaignRates, slug: string, input: PublicSignupRequest): Promise<void> {
  const now = ctx.now();
  const box = await publishedBox(ctx.db, slug);
  if (input.website) return;
  // Many addresses together: the box's and the relay's pending sign-ups, and their e-mails, before anything else counts.
  await refuseOverPending(ctx.db, rates.pending, box.id, now);
  await take(rates.signupEmails, input.email, now.getTime(), 'sign-ups for this e-mail address today');
  await rates.takeCampaignMail(box.id, now.getTime());
  const passwordHash = await hashPassword(ctx.hashing, input.password);
  const language = mailLanguage(input.language ?? box.language);
  const existing = await ctx.db.get('SELECT 1 AS one FROM users WHERE email = ?', [input.email]);
  const origin = ctx.config.publicUrl ?? '';
  if (existing) {
    await ctx.mail.enqueue({
      orgId: box.orgId,
      to: input.email,
      kind: 'campaign-existing',
      idempotencyKey: `campaign-existing:${newId()}`,
      content: renderMail('campaign-existing', language, { campaign: box.title, link: `${origin.replace(/\/+$/, '')}${publicPagePath(box.slug)}` }),
    });
    return;
  }
  const token = newSecret();
  await ctx.db.transaction(async (tx) => {
    await tx.run(
      `DELETE FROM public_signups WHERE rowid IN (SELECT rowid FROM public_signups WHERE expires_at <= ? OR used_at IS NOT NULL LIMIT ?)`,
      [now.toISOString(), prunePerSignup],
    );
    await refuseOverPending(tx, rates.pending, box.id, now);
    await tx.run(
      `INSERT INTO public_signups (token_hash, activity_id, name, email, password_hash, public_name, locale, created_at, expires_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        hashSecret(token),
        box.id,
        input.name,
        input.email,
        passwordHash,
        input.showName ? 1 : 0,
        input.language ?? null,
        now.toISOString(),
        new Date(now.getTime() + campaignLimits.confirmationHours * 3_600_000).toISOString(),
      ],
    );
  });
  await ctx.mail.enqueue({
    orgId: box.orgId,
    to: input.email,
    kind: 'campaign-confirm',
    idempotencyKey: `campaign-confirm:${hashSecret(token)}`,
    content: renderMail('campaign-confirm', language, {
      name: input.name,
      campaign: box.title,
      link: publicConfirmLink(origin, box.slug, token),
      hours: campaignLimits.confirmationHours,
    }),
    sensitive: true,
  });
}

/**
 * Sign-ups still waiting for their link, on box `boxId` and on the whole relay: past either
 * bound, 429 until the oldest of them expires. Judged before the password is hashed, and
 * again in the transaction that would add one (requests at once cannot pass together).
 */
async function refuseOverPending(db: Queries, bounds: { perBox: number; onRelay: number }, boxId: string, now: Date) {
  const at = now.toISOString();
  const counted = await db.get<{ box: number; relay: number; oldest: string | null }>(
    `SELECT (SELECT COUNT(*) FROM public_signups WHERE activity_id = ?1 AND used_at IS NULL AND expires_at > ?2) AS box,
            (SELECT COUNT(*) FROM public_signups WHERE used_at IS NULL AND expires_at > ?2) AS relay,
            (SELECT MIN(expires_at) FROM public_signups WHERE used_at IS NULL AND expires_at > ?2) AS oldest`,
    [boxId, at],
  );
  if (!counted || (counted.box < bounds.perBox && counted.relay < bounds.onRelay)) return;
  const wait = counted.oldest ? Math.max(1, Math.ceil((Date.parse(counted.oldest) - now.getTime()) / 1000)) : 60;
  throw tooMany('sign-ups waiting for confirmation on this campaign', wait);
}

interface PendingRow {
  activity_id: string;
  name: string;
  email: string;
  password_hash: string;
  public_name: number;
  locale: string | null;
  expires_at: string;
  used_at: string | null;
}

/**
 * `POST /api/public/sign-up/:token`: the link opened, the participant's account is made
 * in the box's organisation — a guest (every guest refusal holds) who is a participant
 * (published boxes only) — and a session opened. Used: 410; late: 410; unknown: 404;
 * the address taken meanwhile: 409 `address_taken`, nothing made.
 */
export async function confirmPublicSignUp(ctx: Context, token: string, device: string | null) {
  if (!isLinkToken(token)) throw notFound('sign-up link');
  const userId = newId();
  await ctx.db.transaction(async (tx) => {
    const at = ctx.now().toISOString();
    const row = await tx.get<PendingRow>('SELECT * FROM public_signups WHERE token_hash = ?', [hashSecret(token)]);
    if (!row) throw notFound('sign-up link');
    if (row.used_at) throw new Refusal(ErrorCode.linkUsed, 'This link was already used: sign in with your e-mail and password.');
    if (row.expires_at <= at) throw new Refusal(ErrorCode.linkExpired, 'This link has expired: sign up again.');
    const box = await publishedBoxById(tx, row.activity_id);
    if (!box) throw notFound('idea box');
    if (await tx.get('SELECT 1 AS one FROM users WHERE email = ?', [row.email])) {
      throw new Refusal(ErrorCode.addressTaken, 'This address already has an account: sign in instead.');
    }
    await tx.run(
      `INSERT INTO users (id, org_id, name, email, phone, password_hash, role, created_at, guest, participant, public_name, locale)
       VALUES (?, ?, ?, ?, NULL, ?, 'member', ?, 1, 1, ?, ?)`,
      [userId, box.orgId, row.name, row.email, row.password_hash, at, row.public_name, row.locale],
    );
    await tx.run('INSERT INTO public_participations (user_id, activity_id, joined_at) VALUES (?, ?, ?)', [userId, box.id, at]);
    // Spent, and the password hash and name it held go with it.
    await tx.run("UPDATE public_signups SET used_at = ?, password_hash = '', name = '' WHERE token_hash = ?", [at, hashSecret(token)]);
  });
  return openSession(ctx, userId, device);
}
