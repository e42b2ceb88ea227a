import type { Queries } from '../store/db.ts';
import { packUpdates, type UpdateBatch } from './update-batch.ts';

/**
 * What rebuilds an activity's document at a moment (SPEC D6): the nearest stored
 * snapshot at or before the moment's last update (the current one or a checkpoint of
 * `doc_past_snapshots`), then the updates logged after that snapshot up to the moment,
 * read a step at a time (`momentFeed`), never whole (SPEC H5).
 */
export interface MomentSources {
  checkpoint: Uint8Array | null;
  /** The last update the checkpoint folds (0: none). */
  checkpointUpto: number;
  /** The last update the moment includes (0: none yet). */
  uptoId: number;
  /** When the last change included was made; null before the first. */
  asOf: string | null;
  /** False when part of the log after the checkpoint was folded (D5): the checkpoint alone is shown. */
  exact: boolean;
}

interface SnapshotRow {
  upto_id: number;
  data: Buffer;
}

export async function momentSources(db: Queries, activityId: string, at: Date): Promise<MomentSources> {
  const last = await db.get<{ id: number }>('SELECT id FROM doc_updates WHERE activity_id = ? AND at <= ? ORDER BY at DESC, id DESC LIMIT 1', [
    activityId,
    at.toISOString(),
  ]);
  if (!last) return { checkpoint: null, checkpointUpto: 0, uptoId: 0, asOf: null, exact: true };
  const checkpoint = await db.get<SnapshotRow>(
    `SELECT upto_id, data FROM (
       SELECT upto_id, data FROM doc_snapshots WHERE activity_id = ? AND upto_id <= ?
       UNION ALL
       SELECT upto_id, data FROM doc_past_snapshots WHERE activity_id = ? AND upto_id <= ?
     ) AS checkpoints ORDER BY upto_id DESC LIMIT 1`,
    [activityId, last.id, activityId, last.id],
  );
  const from = checkpoint?.upto_id ?? 0;
  // A folded update is missing data: what follows it cannot be replayed on its own, so the moment stops before it.
  const folded = await db.get<{ id: number | null }>(
    'SELECT MIN(id) AS id FROM doc_updates WHERE activity_id = ? AND id > ? AND id <= ? AND bytes IS NOT NULL',
    [activityId, from, last.id],
  );
  let uptoId = last.id;
  if (folded?.id != null) {
    const before = await db.get<{ id: number | null }>('SELECT MAX(id) AS id FROM doc_updates WHERE activity_id = ? AND id > ? AND id < ?', [activityId, from, folded.id]);
    uptoId = before?.id ?? from;
  }
  return { checkpoint: checkpoint?.data ?? null, checkpointUpto: from, uptoId, asOf: uptoId > 0 ? await updateAt(db, uptoId) : null, exact: uptoId === last.id };
}

/** The moment's updates after its checkpoint, a step at a time (see `updatesAfter`). */
export const momentFeed = (db: Queries, activityId: string, sources: MomentSources) => updatesAfter(db, activityId, sources.checkpointUpto, sources.uptoId);

/** The moment's updates, then those of `since` marked as logged after it (a removals job, SPEC H4). */
export function momentThen(moment: Feed, since: Feed): Feed {
  let inMoment = true;
  return async () => {
    if (inMoment) {
      const batch = await moment();
      if (batch) return batch;
      inMoment = false;
    }
    const batch = await since();
    return batch ? { ...batch, since: true } : null;
  };
}

type Feed = () => Promise<UpdateBatch | null>;

/** A checkpoint stands for the moment of the last update it folds, not for when it was written. */
async function updateAt(db: Queries, id: number): Promise<string | null> {
  return (await db.get<{ at: string }>('SELECT at FROM doc_updates WHERE id = ?', [id]))?.at ?? null;
}

/** Log rows read per statement, and bytes of them per step, when the log since a moment is replayed (as the erasure's, erasure.ts). */
export const rowsPerStep = 500;
export const bytesPerStep = 4 * 1024 * 1024;

/** Part of the log since the moment was folded (D5): who removed what is no longer known. */
export class FoldedLog extends Error {}

/**
 * The updates logged after `afterId` up to `lastId`, oldest first, with who sent each:
 * a step at a time (at most `rowsPerStep` rows and `bytesPerStep` bytes, one more row
 * when a single one is larger), packed for the history thread. SQLite says the rows'
 * sizes first, then only those that fit are read: neither the relay's memory nor a turn
 * of its loop grows with the log. Throws `FoldedLog` on a folded row.
 */
export function updatesAfter(db: Queries, activityId: string, afterId: number, lastId: number): Feed {
  let cursor = afterId;
  return async () => {
    if (cursor >= lastId) return null;
    const sizes = await db.all<{ id: number; size: number; folded: number }>(
      `SELECT id, length(data) AS size, bytes IS NOT NULL AS folded FROM doc_updates
        WHERE activity_id = ? AND id > ? AND id <= ? ORDER BY id LIMIT ${rowsPerStep}`,
      [activityId, cursor, lastId],
    );
    if (sizes.length === 0) {
      cursor = lastId;
      return null;
    }
    let upto = cursor;
    let bytes = 0;
    for (const row of sizes) {
      if (row.folded) throw new FoldedLog('part of the log since that moment was folded');
      if (upto > cursor && bytes + row.size > bytesPerStep) break;
      bytes += row.size;
      upto = row.id;
    }
    const rows = await db.all<{ user_id: string; data: Buffer }>(
      'SELECT user_id, data FROM doc_updates WHERE activity_id = ? AND id > ? AND id <= ? ORDER BY id',
      [activityId, cursor, upto],
    );
    cursor = upto;
    return packUpdates(rows.map((r) => ({ userId: r.user_id, data: r.data })));
  };
}
