/**
 * Recognition of authors: points for ideas accepted and implemented, and badges earned
 * from what a person's ideas became. Pure: the relay counts, the app and the public
 * page show the same figures.
 */
export const ideaPoints = { proposed: 1, accepted: 10, implemented: 25 } as const;

export interface AuthorRecord {
  /** Ideas proposed that are visible (not hidden, not merged away, not off topic). */
  ideas: number;
  /** Ideas accepted, implemented ones included (an implemented idea was accepted first). */
  accepted: number;
  implemented: number;
  /** Votes the person's ideas received. */
  votes: number;
}

export const badgeIds = ['first_idea', 'first_accepted', 'implemented', 'three_implemented', 'popular'] as const;
export type BadgeId = (typeof badgeIds)[number];

const earned: Record<BadgeId, (r: AuthorRecord) => boolean> = {
  first_idea: (r) => r.ideas >= 1,
  first_accepted: (r) => r.accepted >= 1,
  implemented: (r) => r.implemented >= 1,
  three_implemented: (r) => r.implemented >= 3,
  popular: (r) => r.votes >= 10,
};

/** Points: one an idea, ten more once accepted, twenty-five more once implemented. */
export function pointsOf(r: AuthorRecord): number {
  return r.ideas * ideaPoints.proposed + r.accepted * ideaPoints.accepted + r.implemented * ideaPoints.implemented;
}

export function badgesOf(r: AuthorRecord): BadgeId[] {
  return badgeIds.filter((id) => earned[id](r));
}

/** The longest reward text (a voucher code and a line on how to use it). */
export const maxRewardLength = 300;
