import type { Migration } from '../migration.ts';

/**
 * On PostgreSQL, attached files' bytes live in the database (server/files/postgres-blobs.ts),
 * so that relay nodes on separate machines share them and a node's disk holds only its
 * temporary files: a content, or what was made from it (`kind`), as chunks of at most 1 MiB
 * in order (`seq`). Rows being staged by an upload have `kind` 'staged' and their staging's
 * key as `content`. The bytes are stored as they are (`STORAGE EXTERNAL`): files are mostly
 * compressed already, and TOAST would try to compress each chunk again. On SQLite the relay
 * keeps them in its folder as before: nothing to add.
 */
export const fileChunks: Migration = {
  version: 940,
  name: 'file-chunks',
  sql: '',
  postgres: `
CREATE TABLE file_chunks (
  kind TEXT NOT NULL,
  content TEXT NOT NULL,
  seq INTEGER NOT NULL,
  bytes BYTEA NOT NULL,
  PRIMARY KEY (kind, content, seq)
);
ALTER TABLE file_chunks ALTER COLUMN bytes SET STORAGE EXTERNAL;
`,
};
