import type { Migration } from '../migration.ts';

/**
 * A merge's e-mails go through a durable outbox (issue 18: "merge duplicates … both
 * authors told"). The merge's transaction writes each author's in-app notice with
 * `mail_due = 1`; once the author's e-mail is queued (keyed per merge, so never twice) the
 * notice is marked `mail_due = 0`. At start the relay sends what a crash left due. Notices
 * of other kinds, and merges before this migration, are 0: nothing is sent again.
 */
export const mergeNoticeOutbox: Migration = {
  version: 901,
  name: 'merge-notice-outbox',
  sql: `
ALTER TABLE idea_notices ADD COLUMN mail_due INTEGER NOT NULL DEFAULT 0 CHECK (mail_due IN (0, 1));
CREATE INDEX idea_notices_mail_due ON idea_notices(id) WHERE mail_due = 1;
`,
};
