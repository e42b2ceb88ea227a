import type { SendResponse } from '#core/api/figures';
import type { Caller } from '../accounts/sessions.ts';
import { newId } from '../auth/tokens.ts';
import type { Context } from '../context.ts';
import { messageById } from '../sms/messages.ts';
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
  const messages: SendResponse['messages'] = [];
  for (const r of rows) {
    if (r.state !== 'enqueued' || !r.message_id) continue;
    const queued = await messageById(ctx.db, r.message_id);
    const person = people.get(r.user_id);
    messages.push({ id: r.message_id, to: person?.phone ?? '', text: r.text, userId: r.user_id, name: person?.name ?? '', notBefore: queued?.next_attempt_at ?? ctx.now().toISOString() });
  }
  return {
    sendId,
    messages,
    skipped: rows
      .filter((r) => r.state === 'refused')
      .map((r) => ({ userId: r.user_id, name: people.get(r.user_id)?.name ?? '', reason: r.reason ?? 'refused' })),
  };
}
