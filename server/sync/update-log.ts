import type { Database, Param, Queries } from '../store/db.ts';
import { GroupCommit } from '../store/group-commit.ts';
import type { ActionFact } from './action-facts.ts';
import type { MentionFact } from './mentions.ts';
import { RoomFenced, stillHeld } from './room-fence.ts';

export interface LoggedUpdate {
  activityId: string;
  userId: string;
  data: Uint8Array;
  /** What the update changed, as paths into the document (see summary.ts). */
  summary: string[];
  /** Comment versions it adds that mention people: kept in the same commit, for the notifications feature. */
  mentions?: MentionFact[];
  /** Action items it changed (action-facts.ts): the `action_items` rows follow in the same commit. */
  actions?: ActionFact[];
  /** Yjs client ids this update made its sender's (SPEC W10): stored in the same commit. */
  claims?: number[];
  /** With several relay nodes: the room's epoch at its owner, checked in the same commit (room-fence.ts). */
  epoch?: number;
}

/** The id a fenced-out entry gets back: its room is another node's now, nothing of it was written. */
const fencedOut = -1;

const rowsPerStatement = 400;

/**
 * The append-only log of document updates, group-committed (store/group-commit.ts):
 * appends made in one event-loop turn, or while a write runs, all go together in the next
 * write (rule D2 of SPEC.md). An append resolves only once its write has committed (D1);
 * when a write fails, every append in it is refused.
 */
export class UpdateLog {
  private readonly group: GroupCommit<LoggedUpdate[], number[]>;

  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
    /** Called once a commit that kept mentions or action items is durable (notices and reminders take them from the store). */
    private readonly mentionsKept: () => void = () => undefined,
  ) {
    this.group = new GroupCommit((take) => this.writeAppends(take()), { maxBatch: Infinity, onFailure: 'reject', joinTurn: true });
  }

  /**
   * Appends updates; resolves with their ids once they are durable. Entries of a room
   * another node took meanwhile (their epoch is stale) are written nowhere: RoomFenced.
   */
  async append(entries: LoggedUpdate[]): Promise<number[]> {
    const ids = await this.group.add(entries);
    const fenced = ids.indexOf(fencedOut);
    if (fenced >= 0) throw new RoomFenced(entries[fenced]!.activityId);
    return ids;
  }

  /** Resolves when everything appended so far is committed. */
  barrier(): Promise<void> {
    return this.group.flush();
  }

  /** Writes the appends of one batch together; each gets back the ids of its own entries. */
  private async writeAppends(appends: LoggedUpdate[][]): Promise<number[][]> {
    const ids = await this.write(appends.flat());
    let offset = 0;
    return appends.map((entries) => ids.slice(offset, (offset += entries.length)));
  }

  /**
   * Writes a batch. A batch that fits one statement is one INSERT, atomic on its own
   * (one round trip to SQLite, one fsync); a larger one is several in one transaction.
   */
  private async write(entries: LoggedUpdate[]): Promise<number[]> {
    const at = this.now().toISOString();
    const mentioning = entries.some((e) => (e.mentions?.length ?? 0) > 0);
    const claiming = entries.some((e) => (e.claims?.length ?? 0) > 0);
    const acting = entries.some((e) => (e.actions?.length ?? 0) > 0);
    const fencing = entries.some((e) => e.epoch !== undefined);
    // Live edits wait for this write: it goes before queued ordinary statements (db.ts).
    if (entries.length <= rowsPerStatement && !mentioning && !claiming && !acting && !fencing) return insertRows(this.db.urgent, entries, at);
    if (fencing) return this.writeFenced(entries, at);
    const ids = await this.db.urgent.transaction(async (tx) => {
      const ids: number[] = [];
      for (let start = 0; start < entries.length; start += rowsPerStatement) {
        ids.push(...(await insertRows(tx, entries.slice(start, start + rowsPerStatement), at)));
      }
      if (mentioning) await keepMentions(tx, entries, at);
      if (claiming) await keepClaims(tx, entries, at);
      if (acting) await keepActionItems(tx, entries, at);
      return ids;
    });
    if (mentioning || acting) this.mentionsKept();
    return ids;
  }

  /**
   * With several nodes: the batch's rooms are checked to be still this node's in the same
   * transaction (room-fence.ts); entries of a room another node took are left out and get
   * `fencedOut` back, the others are written as usual.
   */
  private async writeFenced(entries: LoggedUpdate[], at: string): Promise<number[]> {
    let kept: LoggedUpdate[] = [];
    const written = await this.db.urgent.transaction(async (tx) => {
      const epochs = new Map<string, number>();
      for (const e of entries) if (e.epoch !== undefined) epochs.set(e.activityId, e.epoch);
      const held = await stillHeld(tx, epochs);
      kept = entries.filter((e) => e.epoch === undefined || held.has(e.activityId));
      const ids: number[] = [];
      for (let start = 0; start < kept.length; start += rowsPerStatement) {
        ids.push(...(await insertRows(tx, kept.slice(start, start + rowsPerStatement), at)));
      }
      await keepMentions(tx, kept, at);
      await keepClaims(tx, kept, at);
      await keepActionItems(tx, kept, at);
      return ids;
    });
    if (kept.some((e) => (e.mentions?.length ?? 0) > 0 || (e.actions?.length ?? 0) > 0)) this.mentionsKept();
    const idOf = new Map(kept.map((e, i) => [e, written[i]!]));
    return entries.map((e) => idOf.get(e) ?? fencedOut);
  }
}

/**
 * One multi-row INSERT. Both engines number the rows of one statement in the order of its
 * VALUES (on PostgreSQL other nodes' rows may fall between them), so the ids, ascending,
 * are the rows' in order.
 */
async function insertRows(db: Queries, rows: LoggedUpdate[], at: string): Promise<number[]> {
  const params: Param[] = [];
  for (const e of rows) params.push(e.activityId, e.userId, at, e.data, JSON.stringify(e.summary));
  const inserted = await db.all<{ id: number }>(
    `INSERT INTO doc_updates (activity_id, user_id, at, data, summary) VALUES ${rows.map(() => '(?, ?, ?, ?, ?)').join(', ')} RETURNING id`,
    params,
  );
  return inserted.map((r) => r.id).sort((a, b) => a - b);
}

/** Whose the batch's new Yjs clients are (SPEC W10), at most `rowsPerStatement` rows a statement. */
async function keepClaims(tx: Queries, entries: LoggedUpdate[], at: string) {
  const rows = entries.flatMap((e) => (e.claims ?? []).map((client) => [e.activityId, client, e.userId, at]));
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const part = rows.slice(start, start + rowsPerStatement);
    await tx.run(
      `INSERT INTO doc_clients (activity_id, client_id, user_id, claimed_at) VALUES ${part.map(() => '(?, ?, ?, ?)').join(', ')} ON CONFLICT DO NOTHING`,
      part.flat(),
    );
  }
}

/** Mentions of the batch's comment versions, one row per version (at most `rowsPerStatement` rows a statement). */
async function keepMentions(tx: Queries, entries: LoggedUpdate[], at: string) {
  const rows = entries.flatMap((e) => (e.mentions ?? []).map((m) => [e.activityId, m.by, m.commentId, JSON.stringify(m.mentioned), m.excerpt, m.at, at]));
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const part = rows.slice(start, start + rowsPerStatement);
    await tx.run(
      `INSERT INTO comment_mentions (activity_id, author_id, comment_id, mentioned, excerpt, written_at, logged_at) VALUES ${part.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
      part.flat(),
    );
  }
}

/**
 * The action items the batch changed, in order (migration 780): a board gone or replaced
 * loses its rows, an item reads as it now is (upserted) or is gone (deleted). A new owner
 * or due day starts its reminders again; closed items have none.
 */
async function keepActionItems(tx: Queries, entries: LoggedUpdate[], at: string) {
  for (const e of entries) {
    for (const fact of e.actions ?? []) {
      if (fact.item === null) {
        await tx.run('DELETE FROM action_items WHERE activity_id = ? AND board_id = ?', [e.activityId, fact.board]);
      } else if (fact.now === null) {
        await tx.run('DELETE FROM action_items WHERE activity_id = ? AND board_id = ? AND item_id = ?', [e.activityId, fact.board, fact.item]);
      } else {
        const i = fact.now;
        const open = i.status === 'todo' || i.status === 'doing';
        await tx.run(
          `INSERT INTO action_items (activity_id, board_id, item_id, title, owner_id, due, status, source, updated_at, remind_stage, remind_at)
           VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 0, CASE WHEN ?10 THEN ?11 END)
           ON CONFLICT (activity_id, board_id, item_id) DO UPDATE SET
             title = excluded.title, status = excluded.status, source = excluded.source, updated_at = excluded.updated_at,
             remind_stage = CASE WHEN action_items.owner_id = excluded.owner_id AND action_items.due = excluded.due THEN action_items.remind_stage ELSE 0 END,
             owner_id = excluded.owner_id, due = excluded.due,
             remind_at = CASE WHEN NOT ?10 THEN NULL
                              WHEN action_items.owner_id = excluded.owner_id AND action_items.due = excluded.due
                                THEN CASE WHEN action_items.remind_stage < 2 THEN COALESCE(action_items.remind_at, ?11) END
                              ELSE ?11 END`,
          [e.activityId, fact.board, fact.item, i.title, i.ownerId, i.due, i.status, i.source ?? null, at, open ? 1 : 0, earliestReminder(i.due)],
        );
      }
    }
  }
}

/**
 * A bound before the first reminder anywhere on Earth: the day before `due` begins at
 * 00:00 UTC+14 at the earliest. The reminders job makes it exact with the owner's zone.
 */
export function earliestReminder(due: string): string {
  return new Date(Date.parse(`${due}T00:00:00Z`) - (24 + 14) * 3_600_000).toISOString();
}

export interface StoredDocument {
  snapshot: Uint8Array | null;
  snapshotUpto: number;
  updates: { id: number; data: Uint8Array }[];
}

/** Reads what a document is made of: its snapshot and the updates logged after it. */
export async function readDocument(db: Database, activityId: string): Promise<StoredDocument> {
  const snap = await db.get<{ upto_id: number; data: Buffer }>(
    'SELECT upto_id, data FROM doc_snapshots WHERE activity_id = ?',
    [activityId],
  );
  const upto = snap?.upto_id ?? 0;
  const updates = await db.all<{ id: number; data: Buffer }>(
    'SELECT id, data FROM doc_updates WHERE activity_id = ? AND id > ? ORDER BY id',
    [activityId, upto],
  );
  return {
    // A Buffer is a Uint8Array: handed to Yjs as it is, without a copy.
    snapshot: snap ? snap.data : null,
    snapshotUpto: upto,
    updates: updates.map((u) => ({ id: u.id, data: u.data })),
  };
}

export interface Snapshot {
  uptoId: number;
  data: Uint8Array;
  at: Date;
  /** Logged updates folded into the snapshot and older than this give up their data. */
  foldBefore: Date;
  /** Past snapshots kept beyond the log's window (older than `foldBefore`), the latest included. */
  kept: number;
  /**
   * Within the window, a snapshot is kept as a checkpoint only this many logged updates
   * after the previous one (D6): rebuilding a moment replays at most about this many
   * plus `CONCLAVE_SNAPSHOT_EVERY`. 0 keeps every one.
   */
  checkpointEvery?: number;
  /** With several relay nodes: the room's epoch at its owner; a snapshot of a room another node took is not written. */
  epoch?: number;
}

/**
 * Writes a document's snapshot, in one transaction with what it makes unneeded (rule
 * D5): the previous snapshot joins the past ones, which are thinned to `kept - 1` spread
 * over time; logged updates it folds that are older than `foldBefore` keep their row
 * (who, when, what: the history) and their size, but not their data.
 */
export async function writeSnapshot(db: Database, activityId: string, snap: Snapshot) {
  await db.transaction(async (tx) => {
    if (snap.epoch !== undefined && !(await stillHeld(tx, new Map([[activityId, snap.epoch]]))).has(activityId)) {
      throw new RoomFenced(activityId);
    }
    if (await keepAsCheckpoint(tx, activityId, snap)) {
      await tx.run(
        `INSERT INTO doc_past_snapshots (activity_id, upto_id, at, data)
         SELECT activity_id, upto_id, at, data FROM doc_snapshots WHERE activity_id = ? AND upto_id < ? ON CONFLICT DO NOTHING`,
        [activityId, snap.uptoId],
      );
    }
    await tx.run(
      `INSERT INTO doc_snapshots (activity_id, upto_id, at, data) VALUES (?, ?, ?, ?)
       ON CONFLICT (activity_id) DO UPDATE SET upto_id = excluded.upto_id, at = excluded.at, data = excluded.data
       WHERE excluded.upto_id >= doc_snapshots.upto_id`,
      [activityId, snap.uptoId, snap.at.toISOString(), snap.data],
    );
    await thinPastSnapshots(tx, activityId, snap.kept - 1, snap.foldBefore);
    await tx.run(
      `UPDATE doc_updates SET bytes = length(data), data = ?
        WHERE activity_id = ? AND id <= ? AND at < ? AND bytes IS NULL`,
      [Buffer.alloc(0), activityId, snap.uptoId, snap.foldBefore.toISOString()],
    );
  });
}

/**
 * Whether the snapshot being replaced joins the past ones (D6): always beyond the log's
 * window (thinned then by time), within it only as a checkpoint `checkpointEvery`
 * updates after the last one kept, so that checkpoints cost at most about one snapshot
 * per `checkpointEvery` updates of the log.
 */
async function keepAsCheckpoint(tx: Queries, activityId: string, snap: Snapshot): Promise<boolean> {
  const every = snap.checkpointEvery ?? 0;
  if (every <= 0) return true;
  const current = await tx.get<{ upto_id: number; at: string }>(
    'SELECT upto_id, at FROM doc_snapshots WHERE activity_id = ? AND upto_id < ?',
    [activityId, snap.uptoId],
  );
  if (!current) return false;
  if (current.at < snap.foldBefore.toISOString()) return true;
  const last = await tx.get<{ upto_id: number | null }>('SELECT MAX(upto_id) AS upto_id FROM doc_past_snapshots WHERE activity_id = ?', [activityId]);
  if (last?.upto_id == null) return true;
  const since = await tx.get<{ n: number }>('SELECT COUNT(*) AS n FROM doc_updates WHERE activity_id = ? AND id > ? AND id <= ?', [
    activityId,
    last.upto_id,
    current.upto_id,
  ]);
  return (since?.n ?? 0) >= every;
}

/**
 * Drops past snapshots older than the log's window until `keep` of those remain, each
 * time the one closest to its newer neighbour; checkpoints within the window stay.
 */
async function thinPastSnapshots(tx: Queries, activityId: string, keep: number, before: Date) {
  const past = await tx.all<{ upto_id: number; at: string }>(
    'SELECT upto_id, at FROM doc_past_snapshots WHERE activity_id = ? AND at < ? ORDER BY upto_id',
    [activityId, before.toISOString()],
  );
  while (past.length > Math.max(0, keep)) {
    let drop = 0;
    let smallest = Number.POSITIVE_INFINITY;
    // The newest past snapshot is kept; among the others, the one nearest the next goes.
    for (let i = 0; i < past.length - 1; i++) {
      const gap = Date.parse(past[i + 1]!.at) - Date.parse(past[i]!.at);
      if (gap < smallest) [drop, smallest] = [i, gap];
    }
    const [gone] = past.splice(drop, 1);
    await tx.run('DELETE FROM doc_past_snapshots WHERE activity_id = ? AND upto_id = ?', [activityId, gone!.upto_id]);
  }
}
