import type { Migration } from '../migration.ts';

/**
 * One consent to be named publicly (issue 18, a participant's own profile). It was two
 * flags: `users.public_name` (migration 800: a participant's name beside their ideas and
 * comments on public pages) and `users.idea_credit` (migration 820: a name in halls of
 * fame). Now `public_name` alone says it, for both places, and `idea_credit` is gone.
 *
 * Each person keeps their effective choice:
 * - a participant (both flags were theirs to set) is named only if both said yes: when
 *   they disagree, the stricter one wins — agreeing to be named in one place is no consent
 *   to be named in the other; they may say yes again in their profile;
 * - a member never had a name on public pages (`public_name` had no effect for them), so
 *   their hall-of-fame choice is kept.
 */
export const oneNameConsent: Migration = {
  version: 902,
  name: 'one-name-consent',
  sql: `
UPDATE users SET public_name = CASE WHEN participant = 1 THEN (CASE WHEN public_name = 1 AND idea_credit = 1 THEN 1 ELSE 0 END) ELSE idea_credit END;
ALTER TABLE users DROP COLUMN idea_credit;
`,
};
