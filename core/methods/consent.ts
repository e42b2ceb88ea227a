/**
 * Consent decision on one proposal. Each member takes a position:
 *  - `agree`: I can live with it;
 *  - `abstain`: I stand aside;
 *  - `object`: I have a concern the proposal should address (a reason is required), but
 *    I do not stop it;
 *  - `block`: it must not go ahead as it is (a reason is required).
 *
 * A block must be answered by the facilitator. The proposal *passes* when no block is
 * left unanswered, and is *blocked* while at least one is. Objections never stop it,
 * but are listed with their reasons so the record keeps them: both lists in the order of
 * their reasons, which says nothing of who wrote them.
 */
export const consentPositions = ['agree', 'abstain', 'object', 'block'] as const;
export type ConsentPosition = (typeof consentPositions)[number];

export interface ConsentInput {
  /** Identifies the position, so that a block can be answered. */
  key: string;
  position: ConsentPosition;
  reason: string | null;
  /** The facilitator's answer to a block, once given. */
  answer: string | null;
}

export interface ConsentResult {
  kind: 'consent';
  outcome: 'passes' | 'blocked';
  positions: number;
  counts: Record<ConsentPosition, number>;
  objections: { reason: string }[];
  blocks: { key: string; reason: string; answer: string | null }[];
  unansweredBlocks: number;
}

/** A position needs a reason when it objects or blocks. */
export function checkConsentInput(position: ConsentPosition, reason: string | null | undefined): string | null {
  if ((position === 'object' || position === 'block') && !reason?.trim()) return `say why you ${position}`;
  return null;
}

export function tallyConsent(inputs: readonly ConsentInput[]): ConsentResult {
  const counts: Record<ConsentPosition, number> = { agree: 0, abstain: 0, object: 0, block: 0 };
  const objections: ConsentResult['objections'] = [];
  const blocks: ConsentResult['blocks'] = [];
  for (const input of inputs) {
    counts[input.position] += 1;
    if (input.position === 'object') objections.push({ reason: input.reason ?? '' });
    if (input.position === 'block') blocks.push({ key: input.key, reason: input.reason ?? '', answer: input.answer });
  }
  // By reason, as Delphi's reasons: the order ballots are read in can follow their voters (a store's order).
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  objections.sort((a, b) => byText(a.reason, b.reason));
  blocks.sort((a, b) => byText(a.reason, b.reason) || byText(a.key, b.key));
  const unansweredBlocks = blocks.filter((b) => b.answer === null).length;
  return {
    kind: 'consent',
    outcome: unansweredBlocks > 0 ? 'blocked' : 'passes',
    positions: inputs.length,
    counts,
    objections,
    blocks,
    unansweredBlocks,
  };
}
