import type { Queries, Store } from '../store/db.ts';

/** A write of a room whose epoch moved on: another node owns the room now (server/sync/CLUSTER.md). */
export class RoomFenced extends Error {
  constructor(readonly activityId: string) {
    super('another relay node owns this activity now');
  }
}

/**
 * This node takes the room in the store: its epoch is raised and returned. Called after the
 * lease in Redis and before the room loads: a former owner's write is either committed
 * before this (and loaded next) or refused after it (its epoch is stale). Plain SQL that
 * SQLite and PostgreSQL both speak; the upsert's row lock makes the former owner's
 * running write finish first.
 */
export async function claimRoom(db: Store, activityId: string, node: string, at: Date): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.run(
      `INSERT INTO doc_room_owners (activity_id, epoch, node, since) VALUES (?, 1, ?, ?)
       ON CONFLICT (activity_id) DO UPDATE SET epoch = doc_room_owners.epoch + 1, node = excluded.node, since = excluded.since`,
      [activityId, node, at.toISOString()],
    );
    const row = await tx.get<{ epoch: number }>('SELECT epoch FROM doc_room_owners WHERE activity_id = ?', [activityId]);
    if (!row) throw new Error('the room’s owner row vanished');
    return Number(row.epoch);
  });
}

const roomsPerStatement = 200;

/**
 * Inside a write's transaction: the rooms among `epochs` that are still held at their
 * epoch. Each is touched by an UPDATE (a row lock on PostgreSQL, the write lock on SQLite),
 * so no claim can slip in between this check and the write's commit.
 */
export async function stillHeld(tx: Queries, epochs: ReadonlyMap<string, number>): Promise<Set<string>> {
  const held = new Set<string>();
  const rooms = [...epochs];
  for (let start = 0; start < rooms.length; start += roomsPerStatement) {
    const part = rooms.slice(start, start + roomsPerStatement);
    const { changes } = await tx.run(
      `UPDATE doc_room_owners SET epoch = epoch WHERE ${part.map(() => '(activity_id = ? AND epoch = ?)').join(' OR ')}`,
      part.flat(),
    );
    if (changes === part.length) {
      for (const [id] of part) held.add(id);
      continue;
    }
    const rows = await tx.all<{ activity_id: string; epoch: number }>(
      `SELECT activity_id, epoch FROM doc_room_owners WHERE activity_id IN (${part.map(() => '?').join(', ')})`,
      part.map(([id]) => id),
    );
    for (const row of rows) if (Number(row.epoch) === epochs.get(row.activity_id)) held.add(row.activity_id);
  }
  return held;
}
