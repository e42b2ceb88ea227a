import * as Y from 'yjs';
import type { Database } from '../store/db.ts';

/** Log rows read per step, and bytes of them (one larger row alone), when owners are backfilled. */
export const backfillRowsPerStep = 500;
export const backfillBytesPerStep = 1024 * 1024;
/** Rows read at most per load of a room: the rest waits for the next load. */
export const backfillRowsPerLoad = 20_000;

/**
 * Whose each Yjs client id of a document is, for ids `doc_clients` does not name (SPEC
 * W10): documents from before W10, or a data folder put back from a copy whose
 * `doc_clients` lags its log. Without this the relay takes such a held client for
 * nobody's and refuses its own person's next edits. Run when a room loads, once its
 * document is built and before its owners are read (room.ts): the log is read from where
 * the last backfill stopped (`doc_clients_backfill`), a step at a time (at most
 * `backfillRowsPerStep` rows and `backfillBytesPerStep` bytes, `backfillRowsPerLoad` a
 * load), and each client the document holds that nobody owns is the person who logged
 * the update holding its first clock. The activity's first update is the relay's seed:
 * its client stays nobody's. A client whose first update was folded (D5) stays nobody's.
 * Each step's owners and where it stopped are written in one transaction, as
 * `ON CONFLICT DO NOTHING` (a claim made meanwhile stands), without a day (W14 counts them in
 * the person's total only). Returns how many owners were found.
 */
export async function backfillClientOwners(db: Database, activityId: string, doc: Y.Doc): Promise<number> {
  const owned = await db.all<{ client_id: number }>('SELECT client_id FROM doc_clients WHERE activity_id = ?', [activityId]);
  const unowned = new Set(doc.store.clients.keys());
  for (const row of owned) unowned.delete(row.client_id);
  if (unowned.size === 0) return 0;
  // The relay's seed (the activity's first update) is nobody's: its clients alone never cause a read of the log.
  const seed = await db.get<{ id: number; data: Buffer }>('SELECT id, data FROM doc_updates WHERE activity_id = ? ORDER BY id LIMIT 1', [activityId]);
  for (const client of clientsIn(seed?.data)) unowned.delete(client);
  if (unowned.size === 0) return 0;
  const mark = await db.get<{ upto_id: number }>('SELECT upto_id FROM doc_clients_backfill WHERE activity_id = ?', [activityId]);
  let cursor = mark?.upto_id ?? 0;
  let read = 0;
  let found = 0;
  while (unowned.size > 0 && read < backfillRowsPerLoad) {
    const sizes = await db.all<{ id: number; size: number }>(
      `SELECT id, length(data) AS size FROM doc_updates WHERE activity_id = ? AND id > ? ORDER BY id LIMIT ${backfillRowsPerStep}`,
      [activityId, cursor],
    );
    if (sizes.length === 0) break;
    let upto = cursor;
    let bytes = 0;
    for (const row of sizes) {
      if (upto > cursor && bytes + row.size > backfillBytesPerStep) break;
      bytes += row.size;
      upto = row.id;
    }
    const rows = await db.all<{ id: number; user_id: string; data: Buffer }>(
      'SELECT id, user_id, data FROM doc_updates WHERE activity_id = ? AND id > ? AND id <= ? ORDER BY id',
      [activityId, cursor, upto],
    );
    const claims: [client: number, userId: string][] = [];
    for (const row of rows) {
      if (row.id === seed?.id || row.data.byteLength === 0) continue;
      for (const client of firstClocksIn(row.data)) {
        if (!unowned.delete(client)) continue;
        claims.push([client, row.user_id]);
      }
    }
    cursor = upto;
    read += rows.length;
    await db.transaction(async (tx) => {
      for (const [client, userId] of claims) {
        await tx.run('INSERT INTO doc_clients (activity_id, client_id, user_id) VALUES (?, ?, ?) ON CONFLICT DO NOTHING', [activityId, client, userId]);
      }
      await tx.run(
        'INSERT INTO doc_clients_backfill (activity_id, upto_id) VALUES (?, ?) ON CONFLICT (activity_id) DO UPDATE SET upto_id = excluded.upto_id',
        [activityId, cursor],
      );
    });
    found += claims.length;
  }
  return found;
}

/** The clients whose clocks an update takes (none for a folded or unreadable one). */
function clientsIn(update: Uint8Array | undefined): number[] {
  if (!update || update.byteLength === 0) return [];
  try {
    return [...Y.parseUpdateMeta(update).to.keys()];
  } catch {
    return [];
  }
}

/** The clients whose first clock (0) an update holds; none for one Yjs cannot read (the room skips it too). */
function firstClocksIn(update: Uint8Array): number[] {
  try {
    return [...Y.parseUpdateMeta(update).from].filter(([, clock]) => clock === 0).map(([client]) => client);
  } catch {
    return [];
  }
}
