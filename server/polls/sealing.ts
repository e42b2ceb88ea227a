import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { ErrorCode } from '#core/api/errors';
import { Refusal } from '../errors.ts';

/**
 * Anonymous ballots sealed with the relay's secret key (CONCLAVE_SECRET_KEY), kept outside
 * the store.
 *
 * On PostgreSQL the store itself links an anonymous ballot to its voter: the voter's
 * participation flag and the ballot are written by one transaction, both row versions carry
 * its id (`xmin`), the heap keeps rows in the order they were written and the WAL keeps the
 * transaction whole. So there, whoever holds the database (its files, a dump, a replica, the
 * WAL archive) can pair them. Sealing makes the pair worthless without the key: the ballot's
 * content is AES-256-GCM under a key derived from the relay's, and every ballot is padded to
 * one size (16 KiB; a longer one to the next power of two), so not even its length tells an
 * option or a reason apart. The relay opens the ballots when it counts a revealed round.
 *
 * With a key the relay seals anonymous ballots on either engine; SQLite's store also keeps
 * them unlinkable without one (participation.ts, the checkpoint after each vote).
 */

const prefix = 'b1:';
const minimumSize = 16 * 1024;
const ivBytes = 12;
const tagBytes = 16;

/** The key that seals ballots, derived from the relay's secret so it seals nothing else. */
export function ballotKey(secret: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'conclave', 'anonymous ballots', 32));
}

/** The key that names sealed ballots outside the store (`shownKey`), derived apart from the one that seals them. */
export function ballotNameKey(secret: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'conclave', 'anonymous ballot names', 32));
}

/**
 * The name a sealed ballot goes by wherever it leaves its row: a consent block's key in the
 * poll's results, the facilitator's answer to it (poll_block_answers), the decision record.
 * Never its stored key: on PostgreSQL the store pairs that row with its voter (`xmin`), so a
 * stored key found anywhere else would lead from a block and its reason to the person.
 * Without the relay's key, nothing leads from this name back to the row.
 */
export function shownKey(nameKey: Buffer, pollId: string, round: number, storedKey: string): string {
  return createHmac('sha256', nameKey).update(`${pollId}:${round}:${storedKey}`).digest().subarray(0, 12).toString('base64url');
}

/**
 * What tells which key a poll's ballots are sealed with (polls.seal_check): a value only that
 * key gives for that poll, which says nothing of the key or of any ballot.
 */
export function sealCheck(key: Buffer, pollId: string): string {
  return createHmac('sha256', key).update(`seal check:${pollId}`).digest('base64url');
}

/** The size a ballot of `length` bytes is padded to (its 4-byte length included). */
export function paddedSize(length: number): number {
  let size = minimumSize;
  while (size < length + 4) size *= 2;
  return size;
}

const context = (pollId: string, round: number) => Buffer.from(`${pollId}:${round}`, 'utf8');

/**
 * The ballot's text sealed for the store; bound to its poll and round, and padded as the
 * poll's longest ballot would be (`largest`, ballot-size.ts) so that its length is the poll's.
 */
export function sealBallot(text: string, key: Buffer, pollId: string, round: number, largest = 0): string {
  const body = Buffer.from(text, 'utf8');
  const padded = Buffer.alloc(paddedSize(Math.max(body.length, largest)));
  padded.writeUInt32BE(body.length, 0);
  body.copy(padded, 4);
  const iv = randomBytes(ivBytes);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(context(pollId, round));
  const sealed = Buffer.concat([cipher.update(padded), cipher.final()]);
  return prefix + Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64');
}

export const isSealed = (stored: string) => stored.startsWith(prefix);

/** Sealed ballots the relay cannot open now: no key, another key, or altered. */
export class UnopenedBallots extends Refusal {
  constructor() {
    super(
      ErrorCode.internal,
      'This round\u2019s anonymous ballots were sealed with a secret key the relay does not have now (CONCLAVE_SECRET_KEY): ' +
        'they are counted again once the relay runs with the key it had when they were cast.',
    );
  }
}

/**
 * The ballot's text: as stored when it is not sealed, opened when it is. A sealed ballot the
 * relay cannot open (no key, another key, altered) is a refusal that names the cause: the
 * round cannot be counted without it, and must not be counted without it.
 */
export function openBallot(stored: string, key: Buffer | null, pollId: string, round: number): string {
  if (!isSealed(stored)) return stored;
  const cannot = new UnopenedBallots();
  if (!key) throw cannot;
  const raw = Buffer.from(stored.slice(prefix.length), 'base64');
  if (raw.length < ivBytes + tagBytes + 4) throw cannot;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, ivBytes));
    decipher.setAAD(context(pollId, round));
    decipher.setAuthTag(raw.subarray(ivBytes, ivBytes + tagBytes));
    const padded = Buffer.concat([decipher.update(raw.subarray(ivBytes + tagBytes)), decipher.final()]);
    const length = padded.readUInt32BE(0);
    if (length > padded.length - 4) throw cannot;
    return padded.subarray(4, 4 + length).toString('utf8');
  } catch {
    throw cannot;
  }
}
