import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashSecret } from '../../../../server/auth/tokens.ts';
import { pruneReplies, replyTokenDays } from '../../../../server/mail/reply-tokens.ts';
import { openMigratedStore, type MigratedStore } from '../../../support/migrated-store.ts';

let store: MigratedStore;
const now = new Date('2026-12-05T09:00:00Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();

beforeEach(async () => {
  store = await openMigratedStore('conclave-reply-pruning');
  // The rows' organisation and person do not matter to pruning.
  await store.db.run('PRAGMA foreign_keys = OFF');
});

afterEach(() => store.close());

async function addToken(name: string, expiresAt: string) {
  await store.db.run(
    `INSERT INTO mail_reply_tokens (token_hash, org_id, user_id, kind, subject, activity_id, created_at, expires_at) VALUES (?, 'o', 'u', 'comment', 's', 'a', ?, ?)`,
    [hashSecret(name), daysAgo(replyTokenDays), expiresAt],
  );
}

const left = async (table: string) => (await store.db.all<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table}`))[0]?.n;

describe('forgetting reply addresses', () => {
  it('removes expired reply addresses and keys of replies older than a token lives, and keeps the rest', async () => {
    await addToken('expired', daysAgo(1));
    await addToken('expires now', now.toISOString());
    await addToken('alive', daysAgo(-1));
    await store.db.run('INSERT INTO mail_inbound_seen (message_key, seen_at) VALUES (?, ?), (?, ?)', ['old', daysAgo(replyTokenDays + 1), 'recent', daysAgo(2)]);
    expect(await pruneReplies(store.db, now)).toEqual({ tokens: 2, seen: 1 });
    expect(await store.db.all('SELECT token_hash FROM mail_reply_tokens')).toEqual([{ token_hash: hashSecret('alive') }]);
    expect(await store.db.all('SELECT message_key FROM mail_inbound_seen')).toEqual([{ message_key: 'recent' }]);
  });

  it('works in bounded batches: 2,500 expired addresses go in three statements, and a cap leaves the rest for the next run', async () => {
    await store.db.run(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2500)
       INSERT INTO mail_reply_tokens (token_hash, org_id, user_id, kind, subject, activity_id, created_at, expires_at)
       SELECT 'h' || i, 'o', 'u', 'comment', 's', 'a', ?, ? FROM n`,
      [daysAgo(40), daysAgo(10)],
    );
    expect(await pruneReplies(store.db, now, 2)).toEqual({ tokens: 2_000, seen: 0 });
    expect(await left('mail_reply_tokens')).toBe(500);
    expect(await pruneReplies(store.db, now)).toEqual({ tokens: 500, seen: 0 });
    expect(await left('mail_reply_tokens')).toBe(0);
  });
});
