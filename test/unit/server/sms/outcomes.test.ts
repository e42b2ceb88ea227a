import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../server/store/db.ts';
import { insertSmsMessage, openSmsStore, type MigratedStore } from '../../../support/migrated-store.ts';
import { messageById } from '../../../../server/sms/messages.ts';
import { recordAccepted, recordOutcome } from '../../../../server/sms/outcomes.ts';

const options = { provider: 'smpp', maxAttempts: 3, retryBaseMs: 1000, throttleDelayMs: 200 };
const now = new Date('2026-11-23T10:00:00Z');

describe('what a submit answer does to a queued message (real SQLite file)', () => {
  let store: MigratedStore;
  let db: Database;

  beforeEach(async () => {
    store = await openSmsStore('sms-outcomes');
    db = store.db;
  });
  afterEach(() => store.close());

  async function sending(id: string, attempts: number) {
    await insertSmsMessage(db, { id, status: 'sending', attempts, at: now });
  }

  it('a transient error queues it again with backoff, then fails it after the last attempt and says so', async () => {
    await sending('m1', 1);
    const retry = await db.transaction((tx) => recordOutcome(tx, 'm1', { outcome: 'transient', detail: 'SMSC error 0x00000008' }, options, now));
    expect(retry?.status).toBe('queued');
    const row = await messageById(db, 'm1');
    expect(new Date(row!.next_attempt_at).getTime() - now.getTime()).toBeGreaterThanOrEqual(800);
    await db.run("UPDATE sms_messages SET status = 'sending', attempts = 3 WHERE id = 'm1'");
    const failed = await db.transaction((tx) => recordOutcome(tx, 'm1', { outcome: 'transient', detail: 'SMSC error 0x00000008' }, options, now));
    expect(failed).toMatchObject({ status: 'failed', detail: 'gave up after 3 attempts: SMSC error 0x00000008' });
  });

  it('throttling does not count as an attempt', async () => {
    await sending('m2', 2);
    await db.transaction((tx) => recordOutcome(tx, 'm2', { outcome: 'throttled', detail: 'ESME_RTHROTTLED' }, options, now));
    expect(await messageById(db, 'm2')).toMatchObject({ status: 'queued', attempts: 1 });
  });

  it('an answer lost with the connection leaves it sending and in doubt, never queued again at once', async () => {
    await sending('m3', 1);
    await db.transaction((tx) => recordOutcome(tx, 'm3', { outcome: 'unconfirmed', detail: 'connection closed' }, options, now));
    expect(await messageById(db, 'm3')).toMatchObject({ status: 'sending', unconfirmed_since: now.toISOString() });
  });

  it('a late answer never moves a delivered message back', async () => {
    await sending('m4', 1);
    await db.run("UPDATE sms_messages SET status = 'delivered' WHERE id = 'm4'");
    const row = (await messageById(db, 'm4'))!;
    const changes = await db.transaction((tx) => recordAccepted(tx, [{ row: { ...row, status: 'sending' }, providerIds: ['X1'], parts: undefined }], 'smpp', now));
    expect(changes).toEqual([]);
    expect(await messageById(db, 'm4')).toMatchObject({ status: 'delivered', provider_id: 'X1' });
  });
});
