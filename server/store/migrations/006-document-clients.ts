import type { Migration } from '../migration.ts';

/** Which person each Yjs client of a document belongs to: their share of it (SPEC U4). */
export const documentClients: Migration = {
  version: 103,
  name: 'document clients',
  sql: `
CREATE TABLE doc_clients (
  activity_id TEXT NOT NULL,
  client_id INTEGER NOT NULL,
  user_id TEXT NOT NULL,
  PRIMARY KEY (activity_id, client_id)
);
`,
};
