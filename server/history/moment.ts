import type { DocumentAt } from '#core/api/history';
import type { Caller } from '../accounts/sessions.ts';
import { activityFor } from '../activities/activities.ts';
import type { Context } from '../context.ts';
import type { HistoryService } from './service.ts';
import { momentSources } from './sources.ts';

/**
 * The document as it was at `at`, for any member (SPEC H1): rebuilt from the nearest
 * checkpoint and the updates after it, on the rebuild thread.
 */
export async function documentAt(ctx: Context, history: HistoryService, caller: Caller, activityId: string, at: Date): Promise<DocumentAt> {
  await activityFor(ctx, caller, activityId);
  history.takeMoment(caller.id, Date.now());
  const sources = await momentSources(ctx.db, activityId, at);
  const key = `${activityId}:${sources.uptoId}`;
  let content = history.cached(key);
  if (!content) {
    const result = await history.run({ kind: 'content', checkpoint: sources.checkpoint, updates: sources.updates });
    if (result.kind !== 'content') throw new Error(result.kind === 'failed' ? result.error : 'unexpected rebuild result');
    content = result.content;
    history.remember(key, content);
  }
  return { ...content, at: at.toISOString(), asOf: sources.asOf, exact: sources.exact };
}
