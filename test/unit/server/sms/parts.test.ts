import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../server/store/db.ts';
import { insertSmsMessage, openSmsStore, type MigratedStore } from '../../../support/migrated-store.ts';
import { smsPartNumbersBackfill } from '../../../../server/store/migrations/204-sms-part-numbers-backfill.ts';
import { messageById } from '../../../../server/sms/messages.ts';
import { recordAccepted, recordReceipt } from '../../../../server/sms/outcomes.ts';
import { recordAcceptedPart } from '../../../../server/sms/lifecycle.ts';
import type { Receipt } from '../../../../server/sms/providers/provider.ts';

const now = new Date('2026-11-23T10:00:00Z');
const to = '+33612345678';

describe('a three-part message, part by part (real SQLite file)', () => {
  let store: MigratedStore;
  let db: Database;

  beforeEach(async () => {
    store = await openSmsStore('sms-parts');
    db = store.db;
  });
  afterEach(() => store.close());

  /** A message being sent, parts `accepted` recorded, in doubt when `unconfirmed`; returns its 16-bit reference. */
  async function sending(id: string, accepted: number[], unconfirmed: boolean): Promise<number> {
    await insertSmsMessage(db, { id, to, status: 'sending', text: 'long', segments: 3, costMicros: 217500, unconfirmed, at: now });
    for (const part of accepted) await db.transaction((tx) => recordAcceptedPart(tx, id, part, `${id}-P${part}`));
    return (await messageById(db, id))!.seq & 0xffff;
  }

  const receipt = (db_: Database, r: Receipt) => db_.transaction((tx) => recordReceipt(tx, r, now));

  it('a receipt for an accepted part says nothing of the part in doubt: the message stays in doubt', async () => {
    await sending('m1', [1], true);
    const result = await receipt(db, { providerId: 'm1-P1', status: 'delivered', detail: null });
    expect(result).toEqual({ found: true, change: null });
    expect(await messageById(db, 'm1')).toMatchObject({ status: 'sending', unconfirmed_since: now.toISOString() });
  });

  it('a receipt matched by number and reference settles the part in doubt, and the rest go back to the queue', async () => {
    const ref = await sending('m2', [1], true);
    const result = await receipt(db, { providerId: 'SMSC-9', ref, to, status: 'delivered', detail: null });
    expect(result.change).toMatchObject({ status: 'queued' });
    expect(await messageById(db, 'm2')).toMatchObject({ status: 'queued', unconfirmed_since: null, attempts: 0 });
    const parts = await db.all<{ provider_id: string; part: number }>('SELECT provider_id, part FROM sms_parts WHERE message_id = ? ORDER BY part', ['m2']);
    expect(parts).toEqual([
      { provider_id: 'm2-P1', part: 1 },
      { provider_id: 'SMSC-9', part: 2 },
    ]);
  });

  it('the last part in doubt settled: sent, and delivered at once if every part already had its receipt', async () => {
    const ref = await sending('m3', [1, 2], true);
    await receipt(db, { providerId: 'm3-P1', status: 'delivered', detail: null });
    await receipt(db, { providerId: 'm3-P2', status: 'delivered', detail: null });
    const result = await receipt(db, { providerId: 'SMSC-10', ref, to, status: 'delivered', detail: 'stat:DELIVRD' });
    expect(result.change).toMatchObject({ status: 'delivered' });
    const history = await db.all<{ status: string }>('SELECT status FROM sms_history WHERE message_id = ? ORDER BY id', ['m3']);
    expect(history.map((h) => h.status)).toEqual(['sending', 'sent', 'delivered']);
  });

  it('receipts for parts while the others are not accepted never make it sent or delivered', async () => {
    await sending('m4', [1], false);
    await receipt(db, { providerId: 'm4-P1', status: 'delivered', detail: null });
    expect((await messageById(db, 'm4'))!.status).toBe('sending');
    // The last two parts accepted: sent, waiting for their receipts.
    const row = (await messageById(db, 'm4'))!;
    const changes = await db.transaction((tx) => recordAccepted(tx, [{ row, providerIds: ['m4-P2', 'm4-P3'], parts: [2, 3] }], 'smpp', now));
    expect(changes.map((c) => c.status)).toEqual(['sent']);
    await receipt(db, { providerId: 'm4-P3', status: 'delivered', detail: null });
    expect((await messageById(db, 'm4'))!.status).toBe('sent');
    await receipt(db, { providerId: 'm4-P2', status: 'undelivered', detail: 'err:001' });
    expect((await messageById(db, 'm4'))!.status).toBe('undelivered');
  });

  it('a message sent before part numbers existed still becomes delivered after the upgrade', async () => {
    await sending('m5', [], false);
    await db.run("UPDATE sms_messages SET status = 'sent' WHERE id = 'm5'");
    for (const id of ['OLD-1', 'OLD-2', 'OLD-3']) await db.run('INSERT INTO sms_parts (provider_id, message_id) VALUES (?, ?)', [id, 'm5']);
    await db.exec(smsPartNumbersBackfill.sql);
    const parts = await db.all<{ part: number }>('SELECT part FROM sms_parts WHERE message_id = ? ORDER BY rowid', ['m5']);
    expect(parts.map((p) => p.part)).toEqual([1, 2, 3]);
    for (const id of ['OLD-1', 'OLD-2', 'OLD-3']) await receipt(db, { providerId: id, status: 'delivered', detail: null });
    expect((await messageById(db, 'm5'))!.status).toBe('delivered');
  });
});
