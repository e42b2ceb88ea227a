import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimMail } from '../../../server/mail/queue.ts';
import { claim } from '../../../server/sms/lifecycle.ts';
import type { RelayStore } from '../../../server/store/store.ts';
import { engines, engineStores, type EngineStores } from '../../support/engines.ts';
import { insertSmsMessage } from '../../support/migrated-store.ts';

const due = 200;
const asked = 40;
const at = new Date('2026-12-07T08:00:00.000Z');

/**
 * A claim takes at most what it is asked for (the SMS worker asks for the provider's room,
 * the mail worker for its concurrency), on a store fresh from its migrations: a new
 * database, or a queue table PostgreSQL has not analysed yet. There PostgreSQL chose to run
 * the claim's `seq IN (SELECT … LIMIT n FOR UPDATE SKIP LOCKED)` again for every row it
 * updated, each run skipping the rows the statement had already changed: a claim of 40
 * took all 200 (the SMPP provider, handed five times its room, then never woke the
 * messages waiting out a throttle: test/integration/sms/smpp-recovery.test.ts).
 */
describe.each(engines)('claims on %s', (engine) => {
  let stores: EngineStores;
  let db: RelayStore;

  beforeAll(async () => {
    stores = engineStores(engine);
    db = await stores.open();
    await db.run("INSERT INTO organizations (id, name, created_at) VALUES ('org1', 'Durand', '2026-01-01')");
  }, 120_000);

  afterAll(() => stores?.close());

  it(`an SMS claim of ${asked} among ${due} due messages takes ${asked}, the first in order`, async () => {
    for (let i = 0; i < due; i++) await insertSmsMessage(db, { id: `sms-${String(i).padStart(3, '0')}`, status: 'queued', at, attempts: 0 });
    const claimed = await db.transaction((tx) => claim(tx, asked, at.toISOString(), { except: [] }, 'node-a', engine));
    expect(claimed.map((r) => r.id)).toEqual(Array.from({ length: asked }, (_, i) => `sms-${String(i).padStart(3, '0')}`));
    const counts = await db.all<{ status: string; n: number }>('SELECT status, COUNT(*) AS n FROM sms_messages GROUP BY status ORDER BY status');
    expect(counts).toEqual([
      { status: 'queued', n: due - asked },
      { status: 'sending', n: asked },
    ]);
  });

  it(`an e-mail claim of ${asked} among ${due} due messages takes ${asked}, the first in order`, async () => {
    const stamp = at.toISOString();
    for (let i = 0; i < due; i++) {
      await db.run(
        `INSERT INTO mail_messages (id, org_id, to_address, kind, idempotency_key, subject, text, html, status, next_attempt_at, created_at, updated_at)
         VALUES (?, 'org1', 'bob@durand.example', 'k', ?, 's', 't', 'h', 'queued', ?, ?, ?)`,
        [`mail-${String(i).padStart(3, '0')}`, `key-${i}`, stamp, stamp, stamp],
      );
    }
    const claimed = await db.transaction((tx) => claimMail(tx, asked, stamp, 'node-a', 'outbox', engine));
    expect(claimed.map((r) => r.id).sort()).toEqual(Array.from({ length: asked }, (_, i) => `mail-${String(i).padStart(3, '0')}`));
    const counts = await db.all<{ status: string; n: number }>('SELECT status, COUNT(*) AS n FROM mail_messages GROUP BY status ORDER BY status');
    expect(counts).toEqual([
      { status: 'queued', n: due - asked },
      { status: 'sending', n: asked },
    ]);
  });
});
