import path from 'node:path';
import sqlite3 from 'sqlite3';
import { hashSecret, newId, newSecret } from '../../server/auth/tokens.ts';

/**
 * A person of another organisation on the same relay, signed in. The API sets up one
 * organisation per relay, so the second is written straight into the store, as a hosted
 * relay would hold it. Returns a session token.
 */
export async function outsiderToken(dataDir: string, role: 'admin' | 'member' = 'member'): Promise<string> {
  const db = await new Promise<sqlite3.Database>((resolve, reject) => {
    const opened = new sqlite3.Database(path.join(dataDir, 'conclave.sqlite'), (err) => (err ? reject(err) : resolve(opened)));
  });
  const run = (sql: string, params: (string | number)[]) =>
    new Promise<void>((resolve, reject) => db.run(sql, params, (err) => (err ? reject(err) : resolve())));
  const token = newSecret();
  const now = new Date().toISOString();
  const orgId = newId();
  const userId = newId();
  try {
    await run('PRAGMA busy_timeout = 5000', []);
    await run('INSERT INTO organizations (id, name, created_at) VALUES (?, ?, ?)', [orgId, 'Rival Company', now]);
    await run(`INSERT INTO users (id, org_id, name, email, password_hash, role, created_at) VALUES (?, ?, ?, ?, 'x', ?, ?)`, [
      userId,
      orgId,
      'Olga Outsider',
      `olga.${userId.toLowerCase()}@rival.example`,
      role,
      now,
    ]);
    await run('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)', [
      hashSecret(token),
      userId,
      now,
      new Date(Date.now() + 86_400_000).toISOString(),
    ]);
  } finally {
    await new Promise<void>((resolve) => db.close(() => resolve()));
  }
  return token;
}
