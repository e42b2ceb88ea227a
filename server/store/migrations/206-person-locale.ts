import type { Migration } from '../migration.ts';

/**
 * A person's own language (null: their organisation's). The SMS gateway writes its
 * STOP/START confirmations in it; the app may offer to choose it.
 */
export const personLocale: Migration = {
  version: 206,
  name: 'person locale',
  sql: `ALTER TABLE users ADD COLUMN locale TEXT;`,
};
