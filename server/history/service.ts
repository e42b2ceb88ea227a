import { ErrorCode } from '#core/api/errors';
import type { DocumentContent } from '#core/api/history';
import type { SharedRates, SharedWindow } from '../auth/shared-rates.ts';
import { Refusal } from '../errors.ts';
import { RebuildPool, RebuildQueueFull, RebuildShareFull, type Feed } from './rebuild-pool.ts';
import type { RebuildJob, RebuildResult } from './rebuild-job.ts';
import { RemovalsCache } from './removals-cache.ts';

/** Who owns the relay's own history jobs (erasures): no person's id looks like it. */
export const relayOwner = '#relay';
/** Moments one person may have rebuilt per minute (the timeline asks once per stop, not per pixel). */
export const momentsPerMinute = 60;
/** Restores one person may make per minute. */
export const restoresPerMinute = 10;
/** Rebuilt moments kept, by activity and last update: the same moment asked again costs nothing. */
const cachedMoments = 64;
/** And what they may weigh in all (their JSON's length); a moment heavier than a quarter of it is not kept. */
export const cachedMomentBytes = 64 * 1024 * 1024;

/**
 * What the history's use-cases share: the rebuild thread, each person's allowance, and
 * the moments already rebuilt. One per relay (module.ts).
 */
export class HistoryService {
  readonly pool = new RebuildPool();
  private readonly moments: SharedWindow;
  private readonly restores: SharedWindow;
  private readonly cache = new Map<string, { content: DocumentContent; bytes: number }>();
  private cacheBytes = 0;
  /** Who removed what since a moment (SPEC H4), as last found. */
  readonly removals = new RemovalsCache();
  /** Erasures ended per activity (erasing.ts): a moment read before one ended may name whom it took out. */
  private readonly ended = new Map<string, number>();

  constructor(rates: SharedRates) {
    this.moments = rates.window('history.moments', momentsPerMinute, 60_000);
    this.restores = rates.window('history.restores', restoresPerMinute, 60_000);
  }

  erasures(activityId: string): number {
    return this.ended.get(activityId) ?? 0;
  }

  async takeMoment(userId: string, now: number) {
    const wait = await this.moments.take(userId, now);
    if (wait > 0) throw tooMany(`Too many moments asked for: at most ${momentsPerMinute} a minute. Try again in ${wait} s.`, wait);
  }

  async takeRestore(userId: string, now: number) {
    const wait = await this.restores.take(userId, now);
    if (wait > 0) throw tooMany(`Too many restores: at most ${restoresPerMinute} a minute. Try again in ${wait} s.`, wait);
  }

  cached(key: string): DocumentContent | undefined {
    const hit = this.cache.get(key);
    if (hit) {
      this.cache.delete(key);
      this.cache.set(key, hit);
    }
    return hit?.content;
  }

  /** Keeps a rebuilt moment (`bytes`: what it weighs, as the thread measured it), the least recently used going first. */
  remember(key: string, content: DocumentContent, bytes: number) {
    this.drop(key);
    if (bytes > cachedMomentBytes / 4) return;
    this.cache.set(key, { content, bytes });
    this.cacheBytes += bytes;
    while (this.cache.size > cachedMoments || this.cacheBytes > cachedMomentBytes) this.drop(this.cache.keys().next().value!);
  }

  /** Forgets an activity's rebuilt moments: its stored history was rewritten (an erasure, SPEC E2). */
  forget(activityId: string) {
    this.ended.set(activityId, this.erasures(activityId) + 1);
    for (const key of [...this.cache.keys()]) if (key.startsWith(`${activityId}:`)) this.drop(key);
    this.removals.forget(activityId);
  }

  private drop(key: string) {
    const hit = this.cache.get(key);
    if (!hit) return;
    this.cache.delete(key);
    this.cacheBytes -= hit.bytes;
  }

  /**
   * Runs `owner`'s job on the rebuild thread (one built on a moment fed by `feed`); a full
   * queue is answered 503 `busy`, a person with their share waiting already 429 `rate_limited`.
   * `owner`: the person asking, or `relay` for the relay's own jobs (erasures).
   */
  async run(job: RebuildJob, owner: string, feed?: Feed): Promise<RebuildResult> {
    try {
      return await this.pool.run(job, owner, feed, owner === relayOwner);
    } catch (err) {
      if (err instanceof RebuildQueueFull) throw new Refusal(ErrorCode.busy, 'The history is busy: try again in a moment.', undefined, { 'retry-after': '2' });
      if (err instanceof RebuildShareFull) {
        throw tooMany('Your earlier requests to the history are still being worked out: try again when they are answered.', 2);
      }
      throw err;
    }
  }

  close() {
    return this.pool.close();
  }
}

const tooMany = (message: string, wait: number) => new Refusal(ErrorCode.rateLimited, message, undefined, { 'retry-after': String(wait) });
