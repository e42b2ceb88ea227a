import { randomBytes, timingSafeEqual } from 'node:crypto';
import { ErrorCode } from '#core/api/errors';
import { Refusal } from '../errors.ts';
import { HashQueueFull, type HashPool, type ScryptJob } from './hash-pool.ts';

/**
 * Passwords are stored as `scrypt$N$r$p$salt$hash` (base64url), memory-hard with
 * N = 2^15, r = 8: 32 MiB and about 50–100 ms per hash on this class of machine.
 * Every hash runs on the relay's hashing pool (hash-pool.ts, `ctx.hashing`, sized by the
 * configuration), never on libuv's threads.
 */
const params = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 } as const;
const keyLength = 32;

/** A key from the pool; a full pool is a 503 the client may retry after a second. */
async function derive(pool: HashPool, password: string, salt: Buffer, options: ScryptJob['options']) {
  try {
    return await pool.derive({ password: password.normalize('NFKC'), salt, keyLength, options });
  } catch (err) {
    if (!(err instanceof HashQueueFull)) throw err;
    throw new Refusal(ErrorCode.busy, 'The relay is checking many passwords right now: try again in a moment.', undefined, {
      'retry-after': '1',
    });
  }
}

export async function hashPassword(pool: HashPool, password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(pool, password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(pool: HashPool, password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(pool, password, Buffer.from(salt, 'base64url'), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: params.maxmem,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}
