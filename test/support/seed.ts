import path from 'node:path';
import sqlite3 from 'sqlite3';

/**
 * Writes straight into a relay's SQLite file (one transaction), to seed data at a scale
 * the API would take too long to reach (20,000 members, 50,000 ideas). The relay may be
 * running: the file is in WAL mode, and this waits for its write lock like any writer.
 */
export async function seedStore(dataDir: string, statements: { sql: string; params?: (string | number)[] }[]): Promise<void> {
  const db = await new Promise<sqlite3.Database>((resolve, reject) => {
    const opened = new sqlite3.Database(path.join(dataDir, 'conclave.sqlite'), (err) => (err ? reject(err) : resolve(opened)));
  });
  const run = (sql: string, params: (string | number)[] = []) =>
    new Promise<void>((resolve, reject) => db.run(sql, params, (err: Error | null) => (err ? reject(err) : resolve())));
  try {
    await run('PRAGMA busy_timeout = 10000');
    await run('BEGIN IMMEDIATE');
    for (const s of statements) await run(s.sql, s.params);
    await run('COMMIT');
  } finally {
    await new Promise<void>((resolve) => db.close(() => resolve()));
  }
}

/** `count` numbers 1…count as a recursive common table expression `n(i)`, for INSERT … SELECT. */
export const numbers = (count: number) => `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${Math.floor(count)})`;

/** Adds `count` members (ids `seed-user-1`…) to the organisation of `orgOf` and, as contributors, to the activity. */
export function seedMembers(count: number, orgOfUser: string, activityId: string) {
  const at = new Date().toISOString();
  return [
    {
      sql: `INSERT INTO users (id, org_id, name, email, password_hash, role, created_at)
            ${numbers(count)} SELECT 'seed-user-' || i, (SELECT org_id FROM users WHERE id = ?), 'Member ' || i,
              'member' || i || '@seed.example', 'seeded: cannot sign in', 'member', ? FROM n`,
      params: [orgOfUser, at],
    },
    {
      sql: `INSERT INTO activity_members (activity_id, subject_kind, subject_id, role, added_at)
            ${numbers(count)} SELECT ?, 'user', 'seed-user-' || i, 'contributor', ? FROM n`,
      params: [activityId, at],
    },
  ];
}
