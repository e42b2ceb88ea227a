import type { DecisionRecord, PublishDecisionRequest } from '#core/api/decisions';
import type { Caller } from '../accounts/sessions.ts';
import type { Context } from '../context.ts';
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
 * notices (publish.ts), then the review reminder re-armed, the e-mails woken, then the
 * SMS summary under way (each resumed at start if this is cut short). Answers with the record as the
 * publisher now sees it.
 */
export function decisionPublication(ctx: Context, after: AfterPublishing): PublishDecision {
  return async (caller, activityId, input) => {
    const { id } = await publishDecision(ctx, caller, activityId, input);
    after.reviewsChanged();
    after.sendEmail();
    await after.sendSms(id);
    return decisionRecord(ctx, caller, activityId);
  };
}
