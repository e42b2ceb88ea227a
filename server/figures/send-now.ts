import type { SendResponse } from '#core/api/figures';
import type { Caller } from '../accounts/sessions.ts';
import { newId } from '../auth/tokens.ts';
import type { Context } from '../context.ts';
import { renderForList } from './compose.ts';
import type { FigureRow } from './figures.ts';
import { getList } from './lists.ts';
import { claimBatch, deliverBatch, type Batch } from './send.ts';

/** "Send now": the same claim-then-enqueue as a scheduled run, keyed by this send. */
export async function sendNow(
  ctx: Context,
  caller: Caller,
  figure: FigureRow,
  day: string,
  listId: string,
  watchMinutes: number,
): Promise<SendResponse> {
  await getList(ctx, caller.orgId, listId);
  const sendId = newId();
  const batch: Batch = {
    batch: `now:${sendId}`,
    orgId: caller.orgId,
    figureId: figure.id,
    scheduleId: null,
    day,
    controllerId: caller.id,
    watchMinutes,
    keyOf: (userId) => `figures:now:${sendId}:${userId}`,
  };
  const rendered = await ctx.db.transaction(async (tx) => {
    const out = await renderForList(tx, figure, day, listId);
    await claimBatch(tx, batch, out, ctx.now());
    return out;
  });
  const rows = await deliverBatch(ctx, batch, caller.id);
  const people = new Map(rendered.map((r) => [r.userId, r]));
  return {
    sendId,
    messages: rows
      .filter((r) => r.state === 'enqueued' && r.message_id)
      .map((r) => ({ id: r.message_id!, to: people.get(r.user_id)?.phone ?? '', text: r.text, userId: r.user_id, name: people.get(r.user_id)?.name ?? '' })),
    skipped: rows
      .filter((r) => r.state === 'refused')
      .map((r) => ({ userId: r.user_id, name: people.get(r.user_id)?.name ?? '', reason: r.reason ?? 'refused' })),
  };
}
