import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import sqlite3 from 'sqlite3';

/**
 * The reference: the same SQL the relay runs, on a copy of the same store, straight
 * through sqlite3 in this process — no HTTP, no authentication, no access checks, no
 * validation, no JSON. The ratio to it is what the API layer costs.
 */
export class PlainStore {
  private constructor(private readonly db: sqlite3.Database) {}

  static async copyOf(dataDir: string, workDir: string): Promise<PlainStore> {
    const file = path.join(workDir, 'reference.sqlite');
    await copyFile(path.join(dataDir, 'conclave.sqlite'), file);
    const db = await new Promise<sqlite3.Database>((resolve, reject) => {
      const opened = new sqlite3.Database(file, (err) => (err ? reject(err) : resolve(opened)));
    });
    const store = new PlainStore(db);
    await store.exec('PRAGMA journal_mode = WAL');
    await store.exec('PRAGMA synchronous = FULL');
    return store;
  }

  exec(sql: string) {
    return new Promise<void>((resolve, reject) => this.db.exec(sql, (err) => (err ? reject(err) : resolve())));
  }

  all(sql: string, params: (string | number)[]) {
    return new Promise<unknown[]>((resolve, reject) => this.db.all(sql, params, (err, rows) => (err ? reject(err) : resolve(rows))));
  }

  run(sql: string, params: (string | number)[]) {
    return new Promise<void>((resolve, reject) => this.db.run(sql, params, (err) => (err ? reject(err) : resolve())));
  }

  close() {
    return new Promise<void>((resolve) => this.db.close(() => resolve()));
  }
}

const columns = `i.*, u.name AS author_name, p.type AS photo_type, p.bytes AS photo_bytes,
  EXISTS (SELECT 1 FROM idea_votes v WHERE v.idea_id = i.id AND v.user_id = ?) AS my_vote`;

/** server/ideas/list.ts's page query and count, as text. */
export function pageQuery(order: string, where = 'i.activity_id = ?') {
  return {
    page: `SELECT ${columns} FROM ideas i JOIN users u ON u.id = i.author_id LEFT JOIN idea_photos p ON p.idea_id = i.id
            WHERE ${where} AND (i.hidden_at IS NULL OR i.author_id = ?) ORDER BY ${order} LIMIT ? OFFSET ?`,
    count: `SELECT COUNT(*) AS n FROM ideas i WHERE ${where} AND (i.hidden_at IS NULL OR i.author_id = ?)`,
  };
}

/** server/ideas/votes.ts's transaction. */
export async function plainVote(store: PlainStore, ideaId: string, userId: string, on: boolean) {
  await store.exec('BEGIN IMMEDIATE');
  if (on) await store.run('INSERT OR IGNORE INTO idea_votes (idea_id, user_id, voted_at) VALUES (?, ?, ?)', [ideaId, userId, new Date().toISOString()]);
  else await store.run('DELETE FROM idea_votes WHERE idea_id = ? AND user_id = ?', [ideaId, userId]);
  await store.run('UPDATE ideas SET vote_count = vote_count + ? WHERE id = ?', [on ? 1 : -1, ideaId]);
  await store.all('SELECT vote_count FROM ideas WHERE id = ?', [ideaId]);
  await store.exec('COMMIT');
}
