import * as Y from 'yjs';
import { addActionItem, addActionItemsBoard, listActionBoards } from '#core/doc/action-items';
import { newDocId } from '#core/doc/schema';
import type { NewActionRequest } from '#core/api/action-items';
import { ErrorCode } from '#core/api/errors';
import type { Caller } from '../accounts/sessions.ts';
import { activityFor } from '../activities/activities.ts';
import { effectiveRole, may } from '../activities/access.ts';
import type { Context } from '../context.ts';
import { conflict, forbidden, Refusal } from '../errors.ts';
import { refuseRemovedContent } from '../retention/tombstone.ts';
import type { SharedBucket, SharedRates } from '../auth/shared-rates.ts';

/** Largest live document the relay copies to write an item through the API (a copy costs about its size in time). */
export const maxDocumentBytesForApi = 4 * 1024 * 1024;
/** Items one person creates through the API: 30 a minute, 30 at once. */
const perMinute = 30;

/** Each person's budget of items made through the API, over every relay node (CLUSTER.md N15). */
export class ActionRate {
  private readonly rate: SharedBucket;

  constructor(rates: SharedRates) {
    this.rate = rates.bucket('actions.items', perMinute);
  }

  async take(userId: string, now: number) {
    if (!(await this.rate.take(userId, now))) {
      throw new Refusal(ErrorCode.rateLimited, `Too many action items: at most ${perMinute} a minute per person.`, undefined, { 'retry-after': '2' });
    }
  }
}

/**
 * Writes one action item into the live document as the caller's change (SPEC H2's path:
 * logged under their id, sent to every connection, indexed in the same commit), on the
 * activity's first action items board, or a new one. Refused, changing nothing: a viewer
 * (403), an owner who is not a member (400), an archived activity (409), a document too
 * large to copy here (413).
 */
export async function createActionItem(ctx: Context, rate: ActionRate, caller: Caller, activityId: string, input: NewActionRequest): Promise<{ id: string }> {
  const activity = await activityFor(ctx, caller, activityId);
  await refuseRemovedContent(ctx.db, activityId);
  if (!may.edit(activity.myRole)) throw forbidden('Viewers cannot add action items.');
  if (activity.status === 'archived') throw conflict('This activity is archived: unarchive it to add action items.');
  const owner = await ctx.db.get<{ name: string }>('SELECT name FROM users WHERE id = ? AND disabled_at IS NULL AND erased_at IS NULL', [input.ownerId]);
  if (!owner || (await effectiveRole(ctx.db, activityId, input.ownerId)) === null) {
    throw new Refusal(ErrorCode.validation, 'ownerId: the owner must be a member of this activity.', [{ path: 'ownerId', message: 'the owner must be a member of this activity' }]);
  }
  await rate.take(caller.id, Date.now());
  const state = await ctx.documents.state(activityId);
  if (state.length > maxDocumentBytesForApi) {
    throw new Refusal(ErrorCode.payloadTooLarge, 'This activity’s document is too large to add action items through the API: add them in the app.');
  }
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    const before = Y.encodeStateVector(doc);
    const at = ctx.now();
    const by = { id: caller.id, name: caller.name };
    const id = newDocId();
    doc.transact(() => {
      let board = listActionBoards(doc)[0];
      if (board === undefined) addActionItemsBoard(doc, (board = newDocId()), by, at);
      addActionItem(doc, board, { id, title: input.title, owner: { id: input.ownerId, name: owner.name }, due: input.due, source: input.source, author: by, at });
    });
    await ctx.documents.apply(activityId, caller.id, Y.encodeStateAsUpdate(doc, before));
    return { id };
  } finally {
    doc.destroy();
  }
}
