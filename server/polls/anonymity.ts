import type { Context } from '../context.ts';
import { conflict } from '../errors.ts';

/**
 * On PostgreSQL an anonymous ballot is linked to its voter in the store itself (one
 * transaction writes both rows and stamps them with its id; sealing.ts): there the relay
 * keeps the promise only by sealing ballots with its secret key. A PostgreSQL relay without
 * one opens no anonymous poll and takes no anonymous ballot (409), rather than promise what
 * it cannot keep. SQLite's store keeps the promise with or without a key.
 */
export function refuseAnonymousUnsealed(ctx: Context): void {
  if (ctx.db.engine === 'postgres' && !ctx.config.secretKey) {
    throw conflict(
      'Anonymous polls need this relay\u2019s secret key (CONCLAVE_SECRET_KEY), which it has not been given: without it, its PostgreSQL store ' +
        'could link a ballot to its voter. Open a named poll, or ask the relay\u2019s operator to set the key.',
    );
  }
}
