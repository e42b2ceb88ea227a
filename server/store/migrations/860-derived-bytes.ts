import type { Migration } from '../migration.ts';

/**
 * What the relay made from a content (its thumbnail, an Office document's PDF) takes room
 * as the content does: `derived_bytes` is their size, counted in the storage of each
 * person who holds the content (organizations/plan-figures.ts) and freed with it.
 */
export const derivedBytes: Migration = {
  version: 860,
  name: 'derived-bytes',
  sql: `
ALTER TABLE file_blobs ADD COLUMN derived_bytes INTEGER NOT NULL DEFAULT 0;
`,
};
