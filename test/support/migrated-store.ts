import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SqliteStore, type Database } from '../../server/store/db.ts';
import { migrate } from '../../server/store/migrate.ts';

export interface MigratedStore {
  db: Database;
  /** Closes the store and removes its folder. */
  close(): Promise<void>;
}

/** A real SQLite file in a temporary folder, migrated to the relay's current schema. */
export async function openMigratedStore(prefix: string): Promise<MigratedStore> {
  const dir = await mkdtemp(path.join(tmpdir(), `${prefix}-`));
  const db = await SqliteStore.open(path.join(dir, 'conclave.sqlite'));
  await migrate(db);
  return {
    db,
    async close() {
      await db.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface SmsMessageFields {
  id: string;
  status: string;
  at: Date;
  attempts?: number;
  to?: string;
  text?: string;
  segments?: number;
  costMicros?: number;
  unconfirmed?: boolean;
}

/** A store with one organisation, `org1`, for unit tests of the SMS queue. */
export async function openSmsStore(prefix: string): Promise<MigratedStore> {
  const store = await openMigratedStore(prefix);
  await store.db.run("INSERT INTO organizations (id, name, created_at) VALUES ('org1', 'Durand', '2026-01-01')");
  return store;
}

/** Writes a message of `org1` as the queue would hold it (idempotency key = its id). */
export async function insertSmsMessage(db: Database, m: SmsMessageFields): Promise<void> {
  const at = m.at.toISOString();
  await db.run(
    `INSERT INTO sms_messages (id, org_id, to_phone, text, encoding, segments, cost_micros, kind, idempotency_key, status, attempts,
       next_attempt_at, unconfirmed_since, created_at, updated_at) VALUES (?, 'org1', ?, ?, 'GSM-7', ?, ?, 'k', ?, ?, ?, ?, ?, ?, ?)`,
    [
      m.id,
      m.to ?? '+33612345678',
      m.text ?? 'Bonjour',
      m.segments ?? 1,
      m.costMicros ?? 72500,
      m.id,
      m.status,
      m.attempts ?? 1,
      at,
      m.unconfirmed ? at : null,
      at,
      at,
    ],
  );
}
