import type { Migration } from '../migration.ts';

/**
 * Invitations and e-mails found by their address: erasing a person removes other
 * organisations' invitations to it and their e-mails to it (server/people/erase-elsewhere.ts)
 * inside the erase's transaction, which must not read whole tables while it holds the
 * store's write lock.
 */
export const invitationsByAddress: Migration = {
  version: 950,
  name: 'invitations-by-address',
  sql: `
CREATE INDEX invitations_email ON invitations(email);
CREATE INDEX mail_messages_to ON mail_messages(to_address);
`,
};
