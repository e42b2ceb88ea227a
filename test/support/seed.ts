import { writeStatements } from './store-reader.ts';

/**
 * Writes straight into a relay's store (one transaction, either engine), to seed data at
 * a scale the API would take too long to reach (20,000 members, 50,000 ideas). The relay
 * may be running: on SQLite the file is in WAL mode, and this waits for its write lock.
 */
export async function seedStore(dataDir: string, statements: { sql: string; params?: (string | number)[] }[]): Promise<void> {
  await writeStatements(dataDir, statements);
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
