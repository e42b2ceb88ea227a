import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Database } from '../../../../server/store/db.ts';
import { migrate } from '../../../../server/store/migrate.ts';
import { messageById } from '../../../../server/sms/messages.ts';
import { recordAccepted, recordOutcome } from '../../../../server/sms/outcomes.ts';

const options = { provider: 'smpp', maxAttempts: 3, retryBaseMs: 1000, throttleDelayMs: 200 };
const now = new Date('2026-11-23T10:00:00Z');

describe('what a submit answer does to a queued message (real SQLite file)', () => {
  let dir: string;
  let db: Database;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'sms-outcomes-'));
    db = await Database.open(path.join(dir, 'db.sqlite'));
    await migrate(db);
    await db.run("INSERT INTO organizations (id, name, created_at) VALUES ('org1', 'Durand', '2026-01-01')");
  });
  afterEach(async () => {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function sending(id: string, attempts: number) {
    await db.run(
      `INSERT INTO sms_messages (id, org_id, to_phone, text, encoding, segments, cost_micros, kind, idempotency_key, status, attempts,
         next_attempt_at, created_at, updated_at) VALUES (?, 'org1', '+33612345678', 'Bonjour', 'GSM-7', 1, 72500, 'k', ?, 'sending', ?, ?, ?, ?)`,
      [id, id, attempts, now.toISOString(), now.toISOString(), now.toISOString()],
    );
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
