import type { Migration } from '../migration.ts';

/**
 * One consent to be named publicly (issue 18, a participant's own profile). It was two
 * flags: `users.public_name` (migration 800: a participant's name beside their ideas and
 * comments on public pages) and `users.idea_credit` (migration 820: a name in halls of
 * fame). Now `public_name` alone says it, for both places, and `idea_credit` is gone.
 *
 * Each person keeps the choice they made:
 * - a participant said it at sign-up, with `public_name`; `idea_credit` was never theirs
 *   to set (it could be changed only in the app, which participants never reach, and it
 *   defaulted to no), so it is no choice of theirs and is not read: a participant who
 *   agreed to be named stays named, now in halls of fame too (where it is their adopted
 *   idea that is named, as beside it on the public page); they may say no in their profile;
 * - a member never had a name on public pages (`public_name` had no effect for them), so
 *   their hall-of-fame choice (`idea_credit`) is kept.
 */
export const oneNameConsent: Migration = {
  version: 902,
  name: 'one-name-consent',
  sql: `
UPDATE users SET public_name = CASE WHEN participant = 1 THEN public_name ELSE idea_credit END;
ALTER TABLE users DROP COLUMN idea_credit;
`,
};
