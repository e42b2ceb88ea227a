import type { Context } from '../context.ts';
import { blobStoreFor } from '../files/open-blobs.ts';
import { photoStoreFor } from '../ideas/photo-store.ts';

/** Rows deleted per statement (the relay's loop and SQLite's transaction stay small). */
const rowsPerStep = 500;

interface Removal {
  activity_id: string;
  step: 'close' | 'content' | 'done';
  plan: string;
}

/** The reason a live connection is closed with (CloseCode.contentRemoved); the app shows it. */
export const removedReason = 'content-removed: this activity’s content was removed under its plan’s retention';

/**
 * Removes the content of the activities `retention_removals` names, one bounded step at a
 * time, each committed with where it stands, so a relay killed mid-way carries on at start:
 *
 * 1. `close`: the activity becomes a tombstone (`content_removed_at`, so no ticket, upgrade,
 *    restore or reopening is taken from now on), then its live room closes every connection
 *    and goes without a snapshot (hub.closeForGood), so nothing writes the content back.
 * 2. `content`: the update log, past and current snapshots, client ids (and how far the
 *    log was read for them), polls (their
 *    rounds, ballots and answers), ideas (votes, photos and their files), attached files
 *    (their stored bytes once no other file shares them), mentions and
 *    notices quoting comments, the description, and the decision when the organisation
 *    chose not to keep decisions — in statements of at most `rowsPerStep` rows.
 * 3. `done`: the row goes and the free pages are due for a wipe, by the erasure's own
 *    wipe (server/history/erasure.ts, `erasure_wipe_due`): the pages the deletes freed
 *    are zeroed and the WAL emptied. A removal waits while a wipe is due, so none of its
 *    deletes lands between a wipe's start and its end.
 */
export class ContentRemoval {
  constructor(
    private readonly ctx: Context,
    private readonly stopping: () => boolean,
  ) {}

  /** Carries every pending removal on as far as it goes. */
  async carryOn() {
    while (!this.stopping()) {
      if (await this.ctx.db.get('SELECT 1 AS due FROM erasure_wipe_due')) return;
      const row = await this.ctx.db.get<Removal>('SELECT activity_id, step, plan FROM retention_removals ORDER BY started_at, activity_id LIMIT 1');
      if (!row) return;
      await this.advance(row);
    }
  }

  private async advance(row: Removal) {
    const id = row.activity_id;
    switch (row.step) {
      case 'close': {
        await this.ctx.db.transaction(async (tx) => {
          await tx.run("UPDATE activities SET content_removed_at = COALESCE(content_removed_at, ?), content_removed_plan = ?, description = '' WHERE id = ?", [
            this.ctx.now().toISOString(),
            row.plan,
            id,
          ]);
          await tx.run("UPDATE retention_removals SET step = 'content' WHERE activity_id = ?", [id]);
        });
        await this.ctx.documents.close(id, removedReason);
        return;
      }
      case 'content': {
        // After a restart the hub never held the room; this keeps it from ever loading it.
        await this.ctx.documents.close(id, removedReason);
        while (!this.stopping() && (await this.deleteSome(id)) > 0) {
          if (this.ctx.config.organizations.retentionCrashAt === 'mid-removal') process.kill(process.pid, 'SIGKILL');
        }
        if (!this.stopping()) await this.ctx.db.run("UPDATE retention_removals SET step = 'done' WHERE activity_id = ?", [id]);
        return;
      }
      case 'done':
        await this.ctx.db.transaction(async (tx) => {
          await tx.run('DELETE FROM doc_snapshots WHERE activity_id = ?', [id]);
          await tx.run('DELETE FROM retention_removals WHERE activity_id = ?', [id]);
          await tx.run('INSERT INTO erasure_wipe_due (one) VALUES (1) ON CONFLICT DO NOTHING');
        });
        this.ctx.log.info({ activity: id, plan: row.plan }, 'retention: the closed activity’s content was removed');
    }
  }

  /** One bounded statement of the removal; how many rows it took (0 once nothing is left). */
  private async deleteSome(id: string): Promise<number> {
    const db = this.ctx.db;
    const batch = (table: string, key: string, where = '') =>
      db.run(`DELETE FROM ${table} WHERE ${key} IN (SELECT ${key} FROM ${table} WHERE activity_id = ?${where} LIMIT ${rowsPerStep})`, [id]);
    const steps: (() => Promise<number>)[] = [
      async () => (await batch('doc_updates', 'id')).changes,
      // Past snapshots may be large: one per statement.
      async () => (await db.run('DELETE FROM doc_past_snapshots WHERE rowid = (SELECT rowid FROM doc_past_snapshots WHERE activity_id = ? LIMIT 1)', [id])).changes,
      async () => (await db.run('DELETE FROM doc_snapshots WHERE activity_id = ?', [id])).changes,
      async () => (await db.run(`DELETE FROM doc_clients WHERE rowid IN (SELECT rowid FROM doc_clients WHERE activity_id = ? LIMIT ${rowsPerStep})`, [id])).changes,
      // How far the log was read for its clients' owners (SPEC W10): the log is gone with it.
      async () => (await db.run('DELETE FROM doc_clients_backfill WHERE activity_id = ?', [id])).changes,
      async () => (await db.run('DELETE FROM polls WHERE id IN (SELECT id FROM polls WHERE activity_id = ? LIMIT 20)', [id])).changes,
      // Comments first, a bounded batch a step, so removing an idea never cascades over hundreds.
      async () =>
        (
          await db.run(
            `DELETE FROM idea_comments WHERE id IN (SELECT c.id FROM idea_comments c JOIN ideas i ON i.id = c.idea_id WHERE i.activity_id = ? LIMIT ${rowsPerStep})`,
            [id],
          )
        ).changes,
      () => this.deleteIdeas(id),
      () => this.deleteFiles(id),
      async () => (await batch('comment_mentions', 'id')).changes,
      async () =>
        (
          await db.run(
            `DELETE FROM action_items WHERE (activity_id, board_id, item_id) IN (SELECT activity_id, board_id, item_id FROM action_items WHERE activity_id = ? LIMIT ${rowsPerStep})`,
            [id],
          )
        ).changes,
      async () => (await batch('activity_notices', 'id', " AND kind <> 'retention'")).changes,
      async () => (await db.run('DELETE FROM sync_tickets WHERE activity_id = ?', [id])).changes,
      async () =>
        (
          await db.run(
            `DELETE FROM decisions WHERE activity_id = ?
               AND (SELECT o.keep_decisions FROM activities a JOIN organizations o ON o.id = a.org_id WHERE a.id = ?) = 0`,
            [id, id],
          )
        ).changes,
    ];
    for (const step of steps) {
      const n = await step();
      if (n > 0) return n;
    }
    return 0;
  }

  /**
   * Attached files, a few at a time, as server/files removes one: the row, and the stored
   * content once no other file (of any activity) shares it — its bytes in the transaction
   * (in a folder: the rows' deletes commit after the files went, so a kill leaves a row
   * without bytes, removed next time, never bytes nobody knows of; on PostgreSQL its chunks
   * go in the same commit).
   */
  private async deleteFiles(id: string): Promise<number> {
    const rows = await this.ctx.db.all<{ id: string; sha256: string }>('SELECT id, sha256 FROM activity_files WHERE activity_id = ? LIMIT 50', [id]);
    const blobs = blobStoreFor(this.ctx);
    for (const row of rows) {
      await this.ctx.db.transaction(async (tx) => {
        await tx.run('DELETE FROM activity_files WHERE id = ?', [row.id]);
        if (await tx.get('SELECT 1 AS one FROM activity_files WHERE sha256 = ? LIMIT 1', [row.sha256])) return;
        await tx.run('DELETE FROM file_blobs WHERE sha256 = ?', [row.sha256]);
        await blobs.remove(tx, row.sha256);
      });
    }
    return rows.length;
  }

  /**
   * Ideas in batches, with their votes, notices and photos (cascade). A photo's file goes
   * before its row: a kill in between leaves a row without a file, removed next time,
   * never a file nobody knows of.
   */
  private async deleteIdeas(id: string): Promise<number> {
    const ideas = await this.ctx.db.all<{ id: string; file: string | null }>(
      'SELECT i.id, p.file FROM ideas i LEFT JOIN idea_photos p ON p.idea_id = i.id WHERE i.activity_id = ? LIMIT 100',
      [id],
    );
    if (ideas.length === 0) return 0;
    const photos = photoStoreFor(this.ctx);
    // With its public page's thumbnail (server/campaigns/thumbnails.ts), if one was made.
    for (const idea of ideas) if (idea.file) await photos.remove(idea.file);
    const marks = ideas.map(() => '?').join(', ');
    return (await this.ctx.db.run(`DELETE FROM ideas WHERE id IN (${marks})`, ideas.map((i) => i.id))).changes;
  }
}
