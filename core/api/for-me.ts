/**
 * `GET /api/me/for-me`: what needs the signed-in person, computed by the relay from what
 * they may see (activities where they hold a role, directly, through a group, or open to
 * the organisation; never another's).
 */
export interface VoteToCast {
  pollId: string;
  activityId: string;
  activityTitle: string;
  question: string;
  kind: string;
  round: number;
  deadline: string;
}

export interface DecisionToAcknowledge {
  activityId: string;
  activityTitle: string;
  outcome: string;
  publishedAt: string;
}

export interface ActivityDeadline {
  activityId: string;
  activityTitle: string;
  deadline: string;
}

export interface ForMe {
  votes: VoteToCast[];
  decisions: DecisionToAcknowledge[];
  /** Activities of theirs with a deadline still ahead, soonest first. */
  deadlines: ActivityDeadline[];
  /** Per activity: sealed rounds waiting for the person's input, and the soonest deadline among them. */
  byActivity: Record<string, { toVote: number; nextDeadline: string | null }>;
}
