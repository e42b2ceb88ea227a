import type { DecisionRecord, PublishDecisionRequest } from '#core/api/decisions';
import type { Caller } from '../accounts/sessions.ts';
import type { Context } from '../context.ts';
import { sendStatusSms } from '../ideas/sms.ts';
import { publishDecision } from './publish.ts';
import { decisionRecord } from './record.ts';

/** What follows a published decision, owned by the decisions module. */
export interface AfterPublishing {
  /** The review-date reminder looks again for its next due review (reviews.ts). */
  reviewsChanged(): void;
  /** Starts the decision's SMS summary; resolves once the first batch is recorded (sms.ts). */
  sendSms(decisionId: string): Promise<void>;
  /** Wakes the decision e-mails, which go in the background (email.ts): not waited for. */
  sendEmail(): void;
}

export type PublishDecision = (caller: Caller, activityId: string, input: PublishDecisionRequest) => Promise<DecisionRecord>;

/**
 * Publishing a decision, whole: the record committed with its recipients and in-app
 * notices (publish.ts) and, for an activity studying an idea, the idea's answer; then its
 * author told by e-mail and SMS (server/ideas/sms.ts), then the review reminder re-armed, the e-mails woken, then the
 * SMS summary under way (each resumed at start if this is cut short). Answers with the record as the
 * publisher now sees it.
 */
export function decisionPublication(ctx: Context, after: AfterPublishing): PublishDecision {
  return async (caller, activityId, input) => {
    const { id, ideaChange } = await publishDecision(ctx, caller, activityId, input);
    // The studied idea's author hears the answer (retried at start if this is cut short).
    if (ideaChange !== null) await sendStatusSms(ctx, ideaChange);
    after.reviewsChanged();
    after.sendEmail();
    await after.sendSms(id);
    return decisionRecord(ctx, caller, activityId);
  };
}
