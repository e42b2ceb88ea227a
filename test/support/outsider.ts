import { hashSecret, newId, newSecret } from '../../server/auth/tokens.ts';
import { writeStatements } from './store-reader.ts';

/**
 * A person of another organisation on the same relay, signed in. The API sets up one
 * organisation per relay, so the second is written straight into the store, as a hosted
 * relay would hold it. Returns a session token.
 */
export async function outsiderToken(dataDir: string, role: 'admin' | 'member' = 'member'): Promise<string> {
  const token = newSecret();
  const now = new Date().toISOString();
  const orgId = newId();
  const userId = newId();
  await writeStatements(dataDir, [
    { sql: 'INSERT INTO organizations (id, name, created_at) VALUES (?, ?, ?)', params: [orgId, 'Rival Company', now] },
    {
      sql: `INSERT INTO users (id, org_id, name, email, password_hash, role, created_at) VALUES (?, ?, ?, ?, 'x', ?, ?)`,
      params: [userId, orgId, 'Olga Outsider', `olga.${userId.toLowerCase()}@rival.example`, role, now],
    },
    {
      sql: 'INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
      params: [hashSecret(token), userId, now, new Date(Date.now() + 86_400_000).toISOString()],
    },
  ]);
  return token;
}
