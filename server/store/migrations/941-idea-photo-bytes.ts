import type { Migration } from '../migration.ts';

/**
 * On PostgreSQL, idea photos' bytes and their public thumbnails live in the database
 * (server/ideas/photo-store.ts), as attached files' do (940): relay nodes on separate
 * machines all serve them. `name` is the photo's (`idea_photos.file`), or
 * `thumbs/<name>.webp` for its thumbnail; a photo is at most CONCLAVE_PHOTO_MAX_BYTES,
 * one row, stored as it is (compressed images already). SQLite keeps them in its folder.
 */
export const ideaPhotoBytes: Migration = {
  version: 941,
  name: 'idea-photo-bytes',
  sql: '',
  postgres: `
CREATE TABLE idea_photo_bytes (
  name TEXT PRIMARY KEY,
  bytes BYTEA NOT NULL
);
ALTER TABLE idea_photo_bytes ALTER COLUMN bytes SET STORAGE EXTERNAL;
`,
};
