import type { Context } from '../context.ts';
import { conflict } from '../errors.ts';

/**
 * On PostgreSQL an anonymous ballot could be linked to its voter by whoever reads the
 * tables: the voter's participation row and the ballot are written by one transaction and
 * carry its id (`xmin`), and dead row versions keep earlier copies until VACUUM. Until
 * that is closed (issue 19), such a relay opens no anonymous poll and takes no anonymous
 * ballot (409), rather than promise what it cannot keep. SQLite's store keeps the promise
 * (ballots.ts: the checkpoint after each anonymous ballot).
 */
export function refuseAnonymousOnPostgres(ctx: Context): void {
  if (ctx.db.engine === 'postgres') {
    throw conflict('Anonymous polls are not offered on this relay yet: its PostgreSQL store could link a ballot to its voter. Open a named poll.');
  }
}
