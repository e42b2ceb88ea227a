/**
 * Moderation of an idea box (IdeaScale's and Decidim's funnel).
 *
 * - With pre-moderation on, a new idea is `pending`: only its author and the box's
 *   facilitators see it until a facilitator approves it. Without it, ideas are
 *   `approved` at once and still wait in the inbound queue until a facilitator reviews them.
 * - `off_topic`: moved out of the box's list into the off-topic queue; its author reads
 *   why; it takes no votes. Approving it puts it back.
 * - Anyone who reads an idea may report it once, with a reason; a person reports at most
 *   `maxReportsPerDay` ideas or comments a day. Reports wait in the reported queue until a
 *   facilitator hides the idea (with a reason its author reads) or dismisses them.
 */
export const moderationStates = ['pending', 'approved', 'off_topic'] as const;
export type ModerationState = (typeof moderationStates)[number];

export const moderationDecisions = ['approve', 'off_topic'] as const;
export type ModerationDecision = (typeof moderationDecisions)[number];

export const ideaQueues = ['inbound', 'off_topic', 'reported', 'top_voted'] as const;
export type IdeaQueue = (typeof ideaQueues)[number];

export const reportReasons = ['spam', 'offensive', 'off_topic', 'duplicate', 'personal_data', 'other'] as const;
export type ReportReason = (typeof reportReasons)[number];

/** Reports one person may make in 24 hours, across every box. */
export const maxReportsPerDay = 20;
/** Most ideas a queue lists at once (oldest first for inbound, most reported first, most voted first). */
export const maxQueueLength = 50;
/** An idea enters the top-voted queue with at least this many votes. */
export const topVotedMinimum = 1;

/** Who sees an idea that is not approved: its author and the facilitators only. */
export const visibleToAll = (state: ModerationState) => state === 'approved';

/** What a moderation decision makes of the idea, or why it may not be made. */
export function judgeModeration(from: ModerationState, decision: ModerationDecision): { to: ModerationState } | { refusal: string } {
  const to: ModerationState = decision === 'approve' ? 'approved' : 'off_topic';
  if (from === to) return { refusal: to === 'approved' ? 'This idea is already approved.' : 'This idea is already off topic.' };
  return { to };
}
