import type { Migration } from '../migration.ts';

/**
 * A morning message: the figures one schedule carries in one SMS per person (issue 13,
 * finding 10), in the order the controller put them. A schedule without rows here
 * carries its own figure alone (`figure_schedules.figure_id`, always the first one).
 */
export const morningMessage: Migration = {
  version: 302,
  name: 'morning-message',
  sql: `
CREATE TABLE figure_schedule_figures (
  schedule_id TEXT NOT NULL REFERENCES figure_schedules(id) ON DELETE CASCADE,
  figure_id TEXT NOT NULL REFERENCES figures(id),
  position INTEGER NOT NULL,
  PRIMARY KEY (schedule_id, figure_id)
);
`,
};
