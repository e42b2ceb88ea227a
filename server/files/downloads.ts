import type { Readable } from 'node:stream';
import { ErrorCode } from '#core/api/errors';
import type { Caller } from '../accounts/sessions.ts';
import type { Context } from '../context.ts';
import { Refusal } from '../errors.ts';
import { Slots } from './slots.ts';

/** Seconds a refused download is told to wait: a download of a few megabytes ends in about that. */
const retryAfterSeconds = 5;

/** The downloads under way on this node, per person and per organisation: one count per relay (its context). */
const underWay = new WeakMap<Context, { people: Slots; organisations: Slots }>();

/**
 * Takes a place among the downloads under way of the caller and of their organisation on
 * this node (files, previews, an activity's archive), and answers how to give it back (once,
 * when the download ends however it ends). Each download keeps the store busy a slice at a
 * time (on PostgreSQL about 1,700 queries per 100 MiB), so one person's many parallel
 * downloads cannot starve everyone's work: past `downloadsPerPerson` or
 * `downloadsPerOrganization`, 429 with Retry-After, nothing taken.
 */
export function takeDownload(ctx: Context, caller: Caller): () => void {
  let slots = underWay.get(ctx);
  if (!slots) underWay.set(ctx, (slots = { people: new Slots(), organisations: new Slots() }));
  const { people, organisations } = slots;
  const { downloadsPerPerson, downloadsPerOrganization } = ctx.config.files;
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
  return () => {
    if (released) return;
    released = true;
    people.release(caller.id);
    organisations.release(caller.orgId);
  };
}

/** Runs `open` (a file's or a preview's bytes, as a stream) holding a download's place (`takeDownload`), given back when the stream closes (read to its end, failed, or the reader gone). */
export async function downloading<T extends { stream: Readable } | 'preparing'>(ctx: Context, caller: Caller, open: () => Promise<T>): Promise<T> {
  const release = takeDownload(ctx, caller);
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
