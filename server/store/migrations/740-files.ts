import type { Migration } from '../migration.ts';

/**
 * Files attached to activities (README "Files in activities"). The bytes are stored once
 * per content under `<data dir>/files/<sha-256>` (`file_blobs`, one row per content),
 * whoever uploaded them and however often. `activity_files` is one row per file as
 * people see it, with the name it was given and its uploader; `series_id` groups the
 * versions of one file (the first version's id), `version` counts them from 1.
 * A person's storage is the sum, over the distinct contents they uploaded, of their
 * sizes: uploading the same bytes twice costs once, and removing the last copy frees it.
 */
export const files: Migration = {
  version: 740,
  name: 'files',
  sql: `
CREATE TABLE file_blobs (
  sha256 TEXT PRIMARY KEY,
  bytes INTEGER NOT NULL,
  type TEXT NOT NULL,
  charset TEXT,
  stored_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE activity_files (
  id TEXT PRIMARY KEY,
  activity_id TEXT NOT NULL REFERENCES activities(id) ON DELETE CASCADE,
  series_id TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1,
  sha256 TEXT NOT NULL REFERENCES file_blobs(sha256),
  name TEXT NOT NULL,
  bytes INTEGER NOT NULL,
  uploader_id TEXT NOT NULL REFERENCES users(id),
  uploaded_at TEXT NOT NULL,
  UNIQUE (series_id, version)
);
CREATE INDEX activity_files_activity ON activity_files(activity_id, uploaded_at);
CREATE INDEX activity_files_uploader ON activity_files(uploader_id, sha256);
CREATE INDEX activity_files_blob ON activity_files(sha256);
`,
};
