import type { DocumentAt } from '#core/api/history';
import type { Caller } from '../accounts/sessions.ts';
import { activityFor } from '../activities/activities.ts';
import { may } from '../activities/access.ts';
import type { Context } from '../context.ts';
import type { HistoryService } from './service.ts';
import { momentFeed, momentSources } from './sources.ts';
import { removedByCaller } from './yours.ts';
import { refuseRemovedContent } from '../retention/tombstone.ts';
import { refuseWhileErasing } from './erasing.ts';

/**
 * The document as it was at `at`, for any member (SPEC H1): rebuilt from the nearest
 * checkpoint and the updates after it, on the rebuild thread. A contributor is also told
 * what they may restore from it (H4): what they removed since, or `null` when that cannot
 * be worked out now (too long a log to replay within its budget, or the history thread
 * busy): the document is answered all the same.
 */
export async function documentAt(ctx: Context, history: HistoryService, caller: Caller, activityId: string, at: Date): Promise<DocumentAt> {
  const activity = await activityFor(ctx, caller, activityId);
  await refuseRemovedContent(ctx.db, activityId);
  await history.takeMoment(caller.id, Date.now());
  const erasures = await refuseWhileErasing(ctx.db, history, activityId);
  const sources = await momentSources(ctx.db, activityId, at);
  const key = `${activityId}:${sources.uptoId}`;
  let content = history.cached(key);
  if (!content) {
    const result = await history.run({ kind: 'content', checkpoint: sources.checkpoint }, caller.id, momentFeed(ctx.db, activityId, sources));
    if (result.kind !== 'content') throw new Error(result.kind === 'failed' ? result.error : 'unexpected rebuild result');
    content = result.content;
    // Neither shown nor kept if an erasure began or ended meanwhile (erasing.ts).
    await refuseWhileErasing(ctx.db, history, activityId, erasures);
    history.remember(key, content, result.bytes);
  }
  const shown = { ...content, at: at.toISOString(), asOf: sources.asOf, exact: sources.exact };
  if (may.facilitate(activity.myRole) || !may.edit(activity.myRole)) return shown;
  const removed = await removedByCaller(ctx, history, caller.id, activityId, sources);
  // Folded: nobody can tell who removed what, so nothing is theirs; otherwise unknown for now (null).
  if ('paths' in removed) return { ...shown, yours: removed.paths };
  return { ...shown, yours: removed.unknown === 'folded' ? [] : null };
}
