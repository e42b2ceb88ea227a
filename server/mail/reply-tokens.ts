import { hashSecret, newSecret } from '../auth/tokens.ts';
import type { InboundMailConfig } from '../config.ts';
import type { Queries } from '../store/db.ts';

/**
 * Reply addresses (README "E-mail replies"). A notification e-mail that may be answered
 * carries `Reply-To: <local>+<token>@<domain>`: the token is 256 random bits, minted for
 * one person and one subject, stored hashed (`mail_reply_tokens`), and it alone says who
 * answers about what — the From header of a reply is only checked against it, never
 * believed on its own.
 */

/** What a reply to this address may do: acknowledge a decision ("OK") or comment, or only comment. */
export type ReplyKind = 'decision' | 'comment';

export interface ReplyGrant {
  orgId: string;
  userId: string;
  kind: ReplyKind;
  /** `decision:<id>` or the notification's key. */
  subject: string;
  activityId: string;
}

/** How long a reply address keeps working. */
export const replyTokenDays = 30;

/** Mints a token for `grant`, stored hashed in the caller's transaction; returns the Reply-To address. */
export async function issueReplyAddress(tx: Queries, inbound: InboundMailConfig, grant: ReplyGrant, now: Date): Promise<string> {
  const token = newSecret();
  const expires = new Date(now.getTime() + replyTokenDays * 86_400_000).toISOString();
  await tx.run(
    `INSERT INTO mail_reply_tokens (token_hash, org_id, user_id, kind, subject, activity_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    [hashSecret(token), grant.orgId, grant.userId, grant.kind, grant.subject, grant.activityId, now.toISOString(), expires],
  );
  return replyAddress(inbound.address, token);
}

export function replyAddress(address: string, token: string): string {
  const at = address.lastIndexOf('@');
  return `${address.slice(0, at)}+${token}${address.slice(at)}`;
}

/** The token of a reply address for `address` (`local+<token>@domain`, case of the domain ignored), or null. */
export function tokenOf(recipient: string, address: string): string | null {
  const at = address.lastIndexOf('@');
  const local = address.slice(0, at).toLowerCase();
  const domain = address.slice(at + 1).toLowerCase();
  const match = /^([^@+]+)\+([A-Za-z0-9_-]{43})@([^@]+)$/.exec(recipient.trim());
  if (!match || match[1]!.toLowerCase() !== local || match[3]!.toLowerCase() !== domain) return null;
  return match[2]!;
}

export interface ReplyTokenRow {
  org_id: string;
  user_id: string;
  kind: ReplyKind;
  subject: string;
  activity_id: string | null;
  expires_at: string;
}

/** The live grant behind a token, or null (unknown, or expired). */
export async function findReplyGrant(db: Queries, token: string, now: Date): Promise<ReplyGrant | null> {
  const row = await db.get<ReplyTokenRow>(
    'SELECT org_id, user_id, kind, subject, activity_id, expires_at FROM mail_reply_tokens WHERE token_hash = ?',
    [hashSecret(token)],
  );
  if (!row || row.expires_at <= now.toISOString() || !row.activity_id) return null;
  return { orgId: row.org_id, userId: row.user_id, kind: row.kind, subject: row.subject, activityId: row.activity_id };
}

/** Rows removed per statement while pruning, so that no one statement holds the store for long. */
const pruneBatch = 1_000;

/**
 * Forgets reply addresses past their 30 days, and the keys of replies taken
 * (`mail_inbound_seen`) once older than that: by then their token is gone, so a late
 * copy is refused anyway. Batched; at most `maxBatches` statements per table and run.
 */
export async function pruneReplies(db: Queries, now: Date, maxBatches = 50): Promise<{ tokens: number; seen: number }> {
  const removed = { tokens: 0, seen: 0 };
  const oldest = new Date(now.getTime() - replyTokenDays * 86_400_000).toISOString();
  const steps = [
    ['tokens', 'DELETE FROM mail_reply_tokens WHERE rowid IN (SELECT rowid FROM mail_reply_tokens WHERE expires_at <= ? LIMIT ?)', now.toISOString()],
    ['seen', 'DELETE FROM mail_inbound_seen WHERE rowid IN (SELECT rowid FROM mail_inbound_seen WHERE seen_at <= ? LIMIT ?)', oldest],
  ] as const;
  for (const [what, sql, before] of steps) {
    for (let i = 0; i < maxBatches; i++) {
      const { changes } = await db.run(sql, [before, pruneBatch]);
      removed[what] += changes;
      if (changes < pruneBatch) break;
    }
  }
  return removed;
}
