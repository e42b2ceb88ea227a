import type { Queries } from '../store/db.ts';

/**
 * What rebuilds an activity's document at a moment (SPEC D6): the nearest stored
 * snapshot at or before the moment's last update (the current one or a checkpoint of
 * `doc_past_snapshots`), then the updates logged after that snapshot up to the moment.
 */
export interface MomentSources {
  checkpoint: Uint8Array | null;
  updates: Uint8Array[];
  /** The last update the moment includes (0: none yet). */
  uptoId: number;
  /** When the last change included was made; null before the first. */
  asOf: string | null;
  /** False when part of the log after the checkpoint was folded (D5): the checkpoint alone is shown. */
  exact: boolean;
}

interface SnapshotRow {
  upto_id: number;
  at: string;
  data: Buffer;
}

export async function momentSources(db: Queries, activityId: string, at: Date): Promise<MomentSources> {
  const last = await db.get<{ id: number; at: string }>(
    'SELECT id, at FROM doc_updates WHERE activity_id = ? AND at <= ? ORDER BY at DESC, id DESC LIMIT 1',
    [activityId, at.toISOString()],
  );
  if (!last) return { checkpoint: null, updates: [], uptoId: 0, asOf: null, exact: true };
  const checkpoint = await db.get<SnapshotRow>(
    `SELECT upto_id, at, data FROM (
       SELECT upto_id, at, data FROM doc_snapshots WHERE activity_id = ? AND upto_id <= ?
       UNION ALL
       SELECT upto_id, at, data FROM doc_past_snapshots WHERE activity_id = ? AND upto_id <= ?
     ) ORDER BY upto_id DESC LIMIT 1`,
    [activityId, last.id, activityId, last.id],
  );
  const rows = await db.all<{ id: number; at: string; data: Buffer; folded: number }>(
    `SELECT id, at, data, bytes IS NOT NULL AS folded FROM doc_updates
      WHERE activity_id = ? AND id > ? AND id <= ? ORDER BY id`,
    [activityId, checkpoint?.upto_id ?? 0, last.id],
  );
  const updates: Uint8Array[] = [];
  let asOf = checkpoint ? await updateAt(db, checkpoint.upto_id) : null;
  let uptoId = checkpoint?.upto_id ?? 0;
  for (const row of rows) {
    // A folded update is missing data: what follows it cannot be replayed on its own.
    if (row.folded) break;
    updates.push(row.data);
    asOf = row.at;
    uptoId = row.id;
  }
  return { checkpoint: checkpoint?.data ?? null, updates, uptoId, asOf, exact: uptoId === last.id };
}

/** A checkpoint stands for the moment of the last update it folds, not for when it was written. */
async function updateAt(db: Queries, id: number): Promise<string | null> {
  return (await db.get<{ at: string }>('SELECT at FROM doc_updates WHERE id = ?', [id]))?.at ?? null;
}

/** The updates logged after a moment, oldest first, with who sent each: who removed what since. */
export async function updatesAfter(db: Queries, activityId: string, afterId: number): Promise<{ userId: string; data: Uint8Array }[] | null> {
  const rows = await db.all<{ user_id: string; data: Buffer; folded: number }>(
    'SELECT user_id, data, bytes IS NOT NULL AS folded FROM doc_updates WHERE activity_id = ? AND id > ? ORDER BY id',
    [activityId, afterId],
  );
  // Folded updates cannot be replayed: who removed what is no longer known.
  if (rows.some((r) => r.folded)) return null;
  return rows.map((r) => ({ userId: r.user_id, data: r.data }));
}
