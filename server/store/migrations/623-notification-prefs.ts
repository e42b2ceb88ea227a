import type { Migration } from '../migration.ts';

/** Per person and kind, whether e-mail and SMS are wanted (absent: the defaults of core/api/notifications.ts). */
export const notificationPrefs: Migration = {
  version: 623,
  name: 'notification-prefs',
  sql: `
CREATE TABLE notification_prefs (
  user_id TEXT NOT NULL REFERENCES users(id),
  kind TEXT NOT NULL,
  email INTEGER NOT NULL,
  sms INTEGER NOT NULL,
  PRIMARY KEY (user_id, kind)
) WITHOUT ROWID;
ALTER TABLE users ADD COLUMN digest TEXT NOT NULL DEFAULT 'none';
`,
};
