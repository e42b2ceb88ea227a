import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../../../server/store/db.ts';
import { insertSmsMessage, openSmsStore, type MigratedStore } from '../../../support/migrated-store.ts';
import { dropStaleEarlyReceipts } from '../../../../server/sms/early-receipts.ts';
import { messageById, type MessageRow } from '../../../../server/sms/messages.ts';
import { recordAccepted } from '../../../../server/sms/outcomes.ts';
import { recordReceipts } from '../../../../server/sms/receipts.ts';
import type { Receipt } from '../../../../server/sms/providers/provider.ts';

const now = new Date('2026-11-23T10:00:00Z');
const to = '+33612345678';

describe('receipts that overtake their acceptance (real SQLite file)', () => {
  let store: MigratedStore;
  let db: Database;

  beforeEach(async () => {
    store = await openSmsStore('sms-early');
    db = store.db;
  });
  afterEach(() => store.close());

  async function message(id: string, status: string, attempts = 1): Promise<MessageRow> {
    await insertSmsMessage(db, { id, to, status, attempts, at: now });
    return (await messageById(db, id))!;
  }
  const receipt = (providerId: string, status: Receipt['status']): Receipt => ({ providerId, to, status, detail: `stat:${status}` });
  const history = async (id: string) =>
    (await db.all<{ status: string }>('SELECT status FROM sms_history WHERE message_id = ? ORDER BY id', [id])).map((h) => h.status);

  it('a final receipt, then an intermediate one, both before the acceptance: delivered once when it commits', async () => {
    const row = await message('m1', 'sending');
    const held = await db.transaction((tx) => recordReceipts(tx, [receipt('P1', 'delivered'), receipt('P1', 'sent')], now));
    expect(held.map((r) => r.change)).toEqual([null, null]);
    expect((await messageById(db, 'm1'))!.status).toBe('sending');
    const changes = await db.transaction((tx) => recordAccepted(tx, [{ row, providerIds: ['P1'], parts: undefined }], 'smpp', now));
    expect(changes.map((c) => c.status)).toEqual(['sent', 'delivered']);
    expect(await history('m1')).toEqual(['sent', 'delivered']);
    expect(await db.all('SELECT * FROM sms_early_receipts')).toEqual([]);
  });

  it('one still unmatched after the grace period is given up, and names no number', async () => {
    await message('m2', 'sending');
    await db.transaction((tx) => recordReceipts(tx, [receipt('P404', 'delivered')], now));
    expect(await db.transaction((tx) => dropStaleEarlyReceipts(tx, new Date(now.getTime() - 1)))).toEqual([]);
    const dropped = await db.transaction((tx) => dropStaleEarlyReceipts(tx, now));
    expect(dropped).toEqual([{ providerId: 'P404', status: 'delivered' }]);
    expect(JSON.stringify(dropped)).not.toContain('3361');
    expect((await messageById(db, 'm2'))!.status).toBe('sending');
  });

  it('a receipt matched by number and reference after the grace period settles the message queued again: delivered, not sent twice', async () => {
    const row = await message('m3', 'queued', 1);
    const [result] = await db.transaction((tx) => recordReceipts(tx, [{ ...receipt('P3', 'delivered'), ref: row.seq & 0xffff }], now));
    expect(result?.change?.status).toBe('delivered');
    expect((await messageById(db, 'm3'))!.status).toBe('delivered');
  });
});
