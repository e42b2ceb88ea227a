import type { Migration } from '../migration.ts';

/** When a person was erased: their row stays (what they did points at it), anonymised. */
export const erasure: Migration = {
  version: 622,
  name: 'erasure',
  sql: `ALTER TABLE users ADD COLUMN erased_at TEXT;`,
};
