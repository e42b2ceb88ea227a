import type { Migration } from '../migration.ts';

/**
 * Files attached to a decision record (README "Files in activities"): the facilitator
 * picks files of the activity when publishing. Each row keeps what the record shows of
 * the file (name, size, type) as it was then, so the record and its exports still list it
 * when the file is later removed (`file_id` becomes null) or the activity's content goes
 * with its retention; `position` keeps the order they were picked in.
 */
export const decisionFiles: Migration = {
  version: 775,
  name: 'decision-files',
  sql: `
CREATE TABLE decision_files (
  decision_id TEXT NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  file_id TEXT REFERENCES activity_files(id) ON DELETE SET NULL,
  name TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  type TEXT NOT NULL,
  PRIMARY KEY (decision_id, position)
) WITHOUT ROWID;
CREATE INDEX decision_files_file ON decision_files(file_id);
`,
};
