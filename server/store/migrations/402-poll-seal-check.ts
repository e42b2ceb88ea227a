import type { Migration } from '../migration.ts';

/**
 * Which secret key an anonymous poll's ballots are sealed with, as a check the key gives and
 * nothing else does (server/polls/sealing.ts `sealCheck`): written when the poll opens (or at
 * its first sealed ballot, for a poll older than this column), and compared in each vote's
 * transaction. So a relay given another key — changed, or nodes given different ones — seals
 * no ballot under it, even the poll's very first, racing another node's.
 */
export const pollSealCheck: Migration = {
  version: 402,
  name: 'poll-seal-check',
  sql: `ALTER TABLE polls ADD COLUMN seal_check TEXT;`,
};
