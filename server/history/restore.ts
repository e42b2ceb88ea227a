import type { RestoreRequest, RestoreResult } from '#core/api/history';
import type { Caller } from '../accounts/sessions.ts';
import { activityFor } from '../activities/activities.ts';
import { may } from '../activities/access.ts';
import type { Context } from '../context.ts';
import { ErrorCode } from '#core/api/errors';
import { conflict, forbidden, Refusal } from '../errors.ts';
import type { HistoryService } from './service.ts';
import { momentFeed, momentSources, type MomentSources } from './sources.ts';
import { removedByCaller } from './yours.ts';
import { refuseRemovedContent } from '../retention/tombstone.ts';
import { refuseWhileErasing } from './erasing.ts';

/**
 * Restores the whole activity, or the part `path` names, to what it was at `at` (SPEC
 * H2–H4): computed on the rebuild thread against the live document, then applied
 * through it as the caller's change, logged and broadcast like their edit, so the
 * history keeps both and a restore can itself be restored. A facilitator restores
 * anything; a contributor only an item, option or comment they removed themselves.
 */
export async function restoreMoment(ctx: Context, history: HistoryService, caller: Caller, activityId: string, input: RestoreRequest): Promise<RestoreResult> {
  const activity = await activityFor(ctx, caller, activityId);
  await refuseRemovedContent(ctx.db, activityId);
  const facilitator = may.facilitate(activity.myRole);
  const path = input.path ?? null;
  if (!facilitator) {
    if (!may.edit(activity.myRole)) throw forbidden('Viewers cannot restore.');
    if (path === null || path === 'brief' || /^methods\/[^/]+$/.test(path)) {
      throw forbidden('Only a facilitator restores the whole activity, a board or the brief.');
    }
  }
  if (activity.status === 'archived') throw conflict('This activity is archived: unarchive it to restore.');
  await history.takeRestore(caller.id, Date.now());
  const erasures = await refuseWhileErasing(ctx.db, history, activityId);
  const sources = await momentSources(ctx.db, activityId, new Date(input.at));
  if (!facilitator) await mayRestoreOwn(ctx, history, caller, activityId, sources, path!);
  const live = await ctx.documents.state(activityId);
  const job = { kind: 'restore', checkpoint: sources.checkpoint, live, path, replace: facilitator } as const;
  const result = await history.run(job, caller.id, momentFeed(ctx.db, activityId, sources));
  if (result.kind === 'failed') {
    if (result.conflict) throw conflict(result.conflict);
    throw new Error(result.error);
  }
  if (result.kind !== 'restore') throw new Error('unexpected rebuild result');
  if (!result.update) return { changed: false, updateId: null };
  // An erasure that began or ended meanwhile: what was read may name the person (erasing.ts).
  await refuseWhileErasing(ctx.db, history, activityId, erasures);
  const updateId = await ctx.documents.apply(activityId, caller.id, result.update);
  return { changed: updateId !== null, updateId };
}

/** A contributor restores only what they removed since the moment and is still gone (H4): the timeline's `yours`, the same judgement. */
async function mayRestoreOwn(ctx: Context, history: HistoryService, caller: Caller, activityId: string, sources: MomentSources, path: string) {
  const removed = await removedByCaller(ctx, history, caller.id, activityId, sources);
  if ('paths' in removed) {
    if (!removed.paths.includes(path)) throw forbidden('You may restore only what you removed yourself.');
    return;
  }
  if (removed.unknown === 'folded') throw forbidden('Who removed this is no longer known: ask a facilitator.');
  if (removed.unknown === 'too-long') throw conflict('Too much has changed since that moment to tell who removed this: ask a facilitator.');
  throw new Refusal(ErrorCode.busy, 'The history is busy: try again in a moment.', undefined, { 'retry-after': '5' });
}
