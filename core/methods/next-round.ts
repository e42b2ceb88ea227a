import type { PollDefinition, PollKind } from '../api/polls.ts';
import type { PollResult } from './tally.ts';

/**
 * Whether another round of a revealed poll means something, and which: a Delphi
 * estimate always may go round again (members see the median and the reasons, and
 * revise); a vote, a ranking, dots or scores only to settle a tie or a missing majority;
 * a consent proposal never (blocks are answered, or a new proposal is opened), nor
 * private-first entries (they go on the board).
 */
export function nextRoundMeaning(def: PollDefinition, result: PollResult | null): 'delphi' | 'revote' | null {
  if (def.kind === 'estimate') return 'delphi';
  if (!kindTakesRounds(def.kind) || !result) return null;
  return 'decided' in result && !result.decided ? 'revote' : null;
}

/** Kinds of poll that never go round again (the relay refuses their next round). */
export const kindTakesRounds = (kind: PollKind) => kind !== 'consent' && kind !== 'entries';
