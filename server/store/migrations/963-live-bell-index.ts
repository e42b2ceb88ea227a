import type { Migration } from '../migration.ts';

/**
 * The live bell (server/notifications/live.ts) looks every second, while anyone waits, at
 * what was written since its last look: the figure alerts by their time. Without an index on
 * it, each look read every organisation's alerts (test/integration/store/table-scans.test.ts).
 * One index write per alert (a send's failures, a few a day per controller).
 */
export const liveBellIndex: Migration = {
  version: 963,
  name: 'live-bell-index',
  sql: `
CREATE INDEX figure_alerts_created ON figure_alerts(created_at);
`,
};
