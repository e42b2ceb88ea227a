import type { Migration } from '../migration.ts';

/**
 * A person's decisions still to acknowledge (the app's "for me" page, server/for-me/for-me.ts)
 * are found through their own entries: decision_recipients was keyed by decision only, so
 * each opening of the page read every organisation's recipients
 * (test/integration/store/table-scans.test.ts). Partial: an entry leaves the index once the
 * person acknowledged the decision (one write in as the decision is recorded, one out then).
 */
export const decisionsToAcknowledge: Migration = {
  version: 964,
  name: 'decisions-to-acknowledge',
  sql: `
CREATE INDEX decision_recipients_unacknowledged ON decision_recipients(user_id) WHERE acknowledged_at IS NULL;
`,
};
