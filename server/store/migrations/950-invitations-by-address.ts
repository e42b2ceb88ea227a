import type { Migration } from '../migration.ts';

/**
 * Invitations found by their address: erasing a person removes other organisations'
 * invitations to it (server/people/erase-elsewhere.ts) inside the erase's transaction,
 * which must not read the whole table while it holds the store's write lock.
 */
export const invitationsByAddress: Migration = {
  version: 950,
  name: 'invitations-by-address',
  sql: `
CREATE INDEX invitations_email ON invitations(email);
`,
};
