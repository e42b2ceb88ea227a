import path from 'node:path';
import sqlite3 from 'sqlite3';
import { hashSecret, newId, newSecret } from '../../../server/auth/tokens.ts';
import type { Api } from '../../support/api.ts';

/** Posts an idea as multipart/form-data, with a photo when given. */
export async function postIdeaForm(
  api: Api,
  activityId: string,
  fields: Record<string, string>,
  photo?: { bytes: Buffer; name: string; type: string },
): Promise<{ status: number; body: { id?: string; error?: { code: string; message: string } } }> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  if (photo) form.append('photo', new Blob([new Uint8Array(photo.bytes)], { type: photo.type }), photo.name);
  const res = await fetch(`${api.base}/api/activities/${activityId}/ideas`, {
    method: 'POST',
    headers: { authorization: `Bearer ${api.token}` },
    body: form,
  });
  return { status: res.status, body: (await res.json()) as { id?: string; error?: { code: string; message: string } } };
}

export async function getBytes(api: Api, urlPath: string) {
  const res = await fetch(api.base + urlPath, { headers: { authorization: `Bearer ${api.token}` } });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

/**
 * A person of another organisation on the same relay (the API sets up one organisation
 * per relay; a second is written straight into the store, as a hosted relay would hold
 * it). Returns a session token.
 */
export async function outsiderToken(dataDir: string): Promise<string> {
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
    await run('INSERT INTO organizations (id, name, created_at) VALUES (?, ?, ?)', [orgId, 'Other Company', now]);
    await run(`INSERT INTO users (id, org_id, name, email, password_hash, role, created_at) VALUES (?, ?, ?, ?, 'x', 'member', ?)`, [
      userId,
      orgId,
      'Olga Other',
      `olga.${userId.toLowerCase()}@other.example`,
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
