import * as Y from 'yjs';
import { addComment } from '#core/doc/comments';
import { newDocId } from '#core/doc/schema';
import { isAcknowledgement, replyText } from '#core/mail/reply';
import { effectiveRole } from '../../activities/access.ts';
import type { Context } from '../../context.ts';
import { hashSecret } from '../../auth/tokens.ts';
import { findReplyGrant } from '../reply-tokens.ts';
import { claimReply, releaseReply, settleReply } from './taken-once.ts';
import { plainCommentBody } from './comment-body.ts';

/** A reply as the listener (or the webhook) read it: the token of its address, the sender, the body. */
export interface InboundReply {
  token: string;
  /** The address in the From header. */
  from: string;
  text: string;
  /** The Message-ID header, when the message has one: the same message twice is taken once. */
  messageId?: string | undefined;
}

/**
 * What became of a reply. Every refusal changes nothing. `refused` answers are the same
 * whatever the reason, so that nothing tells an unknown token from someone else's.
 */
export type ReplyOutcome =
  | { done: 'acknowledged' | 'already_acknowledged' | 'commented' | 'already_taken' }
  /** Another delivery of the same message is being applied: the sender should try again later. */
  | { done: 'in_progress' }
  | { done: 'refused'; why: 'unknown_token' | 'wrong_sender' | 'no_access' | 'empty' | 'document_refused' };

/**
 * Applies a reply to a notification e-mail (README "E-mail replies"): the token says who
 * and about what; the From header must be that person's current address as well. "OK"
 * to a decision's e-mail acknowledges it (`acknowledged_via = 'email'`, as the SMS OK);
 * anything else becomes that person's comment in the activity, written by the relay
 * into the live document as a restore is (SPEC H2), if they may still write there.
 */
export async function applyReply(ctx: Context, reply: InboundReply): Promise<ReplyOutcome> {
  const messageId = reply.messageId?.trim().slice(0, 998);
  if (!messageId) return applyOnce(ctx, reply);
  const key = hashSecret(`${reply.token}\n${messageId}`);
  const claim = await claimReply(ctx.db, key, ctx.now());
  if (claim === 'already_done') return { done: 'already_taken' };
  if (claim === 'in_progress') return { done: 'in_progress' };
  try {
    const outcome = await applyOnce(ctx, reply);
    if (outcome.done === 'refused') await releaseReply(ctx.db, key);
    else await settleReply(ctx.db, key);
    return outcome;
  } catch (err) {
    await releaseReply(ctx.db, key);
    throw err;
  }
}

async function applyOnce(ctx: Context, reply: InboundReply): Promise<ReplyOutcome> {
  const grant = await findReplyGrant(ctx.db, reply.token, ctx.now());
  if (!grant) return { done: 'refused', why: 'unknown_token' };
  const person = await ctx.db.get<{ name: string; email: string; disabled_at: string | null }>(
    'SELECT name, email, disabled_at FROM users WHERE id = ? AND org_id = ?',
    [grant.userId, grant.orgId],
  );
  if (!person || person.disabled_at || person.email.toLowerCase() !== reply.from.trim().toLowerCase()) return { done: 'refused', why: 'wrong_sender' };
  const text = replyText(reply.text);
  if (!text) return { done: 'refused', why: 'empty' };
  const role = await effectiveRole(ctx.db, grant.activityId, grant.userId);
  if (role === null) return { done: 'refused', why: 'no_access' };

  if (grant.kind === 'decision' && isAcknowledgement(text)) {
    const decisionId = grant.subject.replace(/^decision:/, '');
    const done = await ctx.db.run(
      `UPDATE decision_recipients SET acknowledged_at = ?, acknowledged_via = 'email'
        WHERE decision_id = ? AND user_id = ? AND acknowledged_at IS NULL`,
      [ctx.now().toISOString(), decisionId, grant.userId],
    );
    return { done: done.changes > 0 ? 'acknowledged' : 'already_acknowledged' };
  }
  if (role === 'viewer') return { done: 'refused', why: 'no_access' };
  const activity = await ctx.db.get<{ status: string }>('SELECT status FROM activities WHERE id = ?', [grant.activityId]);
  if (!activity || activity.status === 'archived') return { done: 'refused', why: 'document_refused' };
  await ctx.documents.apply(grant.activityId, grant.userId, await commentUpdate(ctx, grant.activityId, grant.userId, person.name, text));
  return { done: 'commented' };
}

/**
 * The comment as one Yjs update over the live document's current state — the way a
 * restore is written (SPEC H2): computed here, then applied through the room as the
 * person's own logged and broadcast change. Authorship is the relay's: the person the
 * token names, with their name from the store.
 */
async function commentUpdate(ctx: Context, activityId: string, userId: string, name: string, text: string): Promise<Uint8Array> {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, await ctx.documents.state(activityId));
    const before = Y.encodeStateVector(doc);
    addComment(doc, { id: newDocId(), author: { id: userId, name }, at: ctx.now(), parentId: null, ...plainCommentBody(text) });
    return Y.encodeStateAsUpdate(doc, before);
  } finally {
    doc.destroy();
  }
}
