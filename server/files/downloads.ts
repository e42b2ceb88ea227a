import type { Readable } from 'node:stream';
import { ErrorCode } from '#core/api/errors';
import type { Caller } from '../accounts/sessions.ts';
import { Refusal } from '../errors.ts';
import type { FilesDeps } from './deps.ts';

/** Seconds a refused download is told to wait: a download of a few megabytes ends in about that. */
const retryAfterSeconds = 5;

/**
 * Runs `open` (a file's or a preview's bytes, as a stream) holding a place among the
 * downloads under way of the caller and of their organisation on this node, given back when
 * the stream closes (read to its end, failed, or the reader gone). Each download keeps the
 * store busy a slice at a time (on PostgreSQL about 1,700 queries per 100 MiB), so one
 * person's many parallel downloads cannot starve everyone's work: past
 * `downloadsPerPerson` or `downloadsPerOrganization`, 429 with Retry-After, nothing opened.
 */
export async function downloading<T extends { stream: Readable } | 'preparing'>(deps: FilesDeps, caller: Caller, open: () => Promise<T>): Promise<T> {
  const { people, organisations } = deps.downloading;
  const { downloadsPerPerson, downloadsPerOrganization } = deps.ctx.config.files;
  const retry = { 'retry-after': String(retryAfterSeconds) };
  if (people.count(caller.id) >= downloadsPerPerson) {
    throw new Refusal(ErrorCode.rateLimited, `You are downloading ${downloadsPerPerson} files already: wait until one ends.`, undefined, retry);
  }
  if (organisations.count(caller.orgId) >= downloadsPerOrganization) {
    throw new Refusal(ErrorCode.rateLimited, `Your organisation's people are downloading ${downloadsPerOrganization} files already: try again in a moment.`, undefined, retry);
  }
  people.take(caller.id);
  organisations.take(caller.orgId);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    people.release(caller.id);
    organisations.release(caller.orgId);
  };
  try {
    const opened = await open();
    // A preview still being made holds no place.
    const stream = typeof opened === 'string' ? null : (opened as { stream: Readable }).stream;
    if (!stream || stream.closed || stream.destroyed) release();
    else stream.once('close', release);
    return opened;
  } catch (err) {
    release();
    throw err;
  }
}
