import type { Context } from '../context.ts';
import type { HistoryService } from './service.ts';
import { FoldedLog, momentFeed, momentThen, updatesAfter, type MomentSources } from './sources.ts';

/**
 * What the caller removed since a moment (SPEC H4): `paths`, or why it is not known —
 * `folded` (part of the log since was folded: nobody can tell), `too-long` (the replay
 * would exceed its budget), `failed` (the history thread was busy or failed).
 */
export type RemovedByCaller = { paths: string[] } | { unknown: 'folded' | 'too-long' | 'failed' };

/**
 * The entries and comments of the moment that `userId` removed since and that are still
 * gone (SPEC H4): the log since the moment is replayed on the history thread, read a step
 * at a time, only when they sent an update since, and the answer kept (removals-cache.ts).
 * The replay has an allowance (`CONCLAVE_HISTORY_REPLAY_STEPS` steps of work, removals.ts,
 * and `CONCLAVE_HISTORY_REPLAY_MS` once the moment is rebuilt, batches read included): past either it
 * stops and the answer is "not known", so other history jobs wait at most about that long.
 */
export async function removedByCaller(ctx: Context, history: HistoryService, userId: string, activityId: string, sources: MomentSources): Promise<RemovedByCaller> {
  const lastId = (await ctx.db.get<{ last: number | null }>('SELECT MAX(id) AS last FROM doc_updates WHERE activity_id = ?', [activityId]))?.last ?? 0;
  if (lastId <= sources.uptoId) return { paths: [] };
  const sent = await ctx.db.get<{ sent: number }>('SELECT 1 AS sent FROM doc_updates WHERE activity_id = ? AND id > ? AND id <= ? AND user_id = ? LIMIT 1', [
    activityId,
    sources.uptoId,
    lastId,
    userId,
  ]);
  if (!sent) return { paths: [] };
  const known = history.removals.get(activityId, sources.uptoId, lastId, Date.now());
  if (known === 'too-long') return { unknown: 'too-long' };
  if (known) return { paths: [...(known.get(userId) ?? [])] };
  try {
    const job = { kind: 'removals', checkpoint: sources.checkpoint, budget: { steps: ctx.config.history.replaySteps, ms: ctx.config.history.replayMs } } as const;
    const feed = momentThen(momentFeed(ctx.db, activityId, sources), updatesAfter(ctx.db, activityId, sources.uptoId, lastId));
    const result = await history.run(job, userId, feed);
    if (result.kind !== 'removals') throw new Error(result.kind === 'failed' ? result.error : 'unexpected rebuild result');
    if (result.removed === null) {
      history.removals.rememberTooLong(activityId, sources.uptoId, Date.now());
      ctx.log.warn({ activity: activityId, steps: result.steps, applied: result.applied }, 'removals since a moment past their budget: not known');
      return { unknown: 'too-long' };
    }
    history.removals.remember(activityId, sources.uptoId, lastId, result.removed);
    return { paths: result.removed.filter(([, by]) => by === userId).map(([path]) => path) };
  } catch (err) {
    if (err instanceof FoldedLog) return { unknown: 'folded' };
    ctx.log.warn({ err, activity: activityId }, 'removals since a moment could not be worked out');
    return { unknown: 'failed' };
  }
}
