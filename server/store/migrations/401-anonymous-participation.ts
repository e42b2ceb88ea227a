import type { Migration } from '../migration.ts';

/**
 * Anonymous participation laid out before anyone votes (issue 11, finding 10).
 *
 * In an anonymous round, a participation row is written for every eligible person when
 * the round opens (in random order, `voted` = 0), and a vote only flips its `voted` in
 * place. So where a row sits in its page says nothing of when its person voted, and the
 * order in which ballots were written cannot be paired with it. Rows of named polls and
 * rows written before this migration took part: `voted` = 1.
 */
export const anonymousParticipation: Migration = {
  version: 401,
  name: 'anonymous-participation',
  sql: `
ALTER TABLE poll_participants ADD COLUMN voted INTEGER NOT NULL DEFAULT 1 CHECK (voted IN (0, 1));
`,
};
