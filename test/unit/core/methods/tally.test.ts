import { describe, expect, it } from 'vitest';
import type { PollDefinition } from '#core/api/polls';
import { checkBallot, tallyPoll } from '#core/methods/tally';

const base = { question: 'Where do we open the next store?', deadline: '2030-01-01T12:00:00Z' };

describe('tallying a poll of any kind', () => {
  it('checks a ballot against its poll', () => {
    const single: PollDefinition = { ...base, kind: 'single', options: ['Lyon', 'Lille'], rule: 'plurality' };
    expect(checkBallot(single, { choice: 'Lyon' })).toBeNull();
    expect(checkBallot(single, { choice: 'Paris' })).toMatch(/not one of the options/);
    expect(checkBallot(single, { value: 3, reason: 'x' })).toMatch(/send \{choice\}/);
    const estimate: PollDefinition = { ...base, kind: 'estimate', quantity: 'sales', rule: 'median', min: 0 };
    expect(checkBallot(estimate, { value: -1, reason: 'x' })).toMatch(/at least 0/);
  });

  it('answers consent blocks by ballot key, and feeds the previous round to estimates', () => {
    const consent: PollDefinition = { ...base, kind: 'consent', proposal: 'Open in Lyon in March.', rule: 'consent' };
    const ballots = [{ key: 'b1', ballot: { position: 'block' as const, reason: 'no staff' } }];
    expect(tallyPoll(consent, ballots, { round: 1 })).toMatchObject({ outcome: 'blocked' });
    expect(tallyPoll(consent, ballots, { round: 1, answers: new Map([['b1', 'hiring']]) })).toMatchObject({ outcome: 'passes' });

    const estimate: PollDefinition = { ...base, kind: 'estimate', quantity: 'sales', rule: 'median' };
    const r = tallyPoll(estimate, [{ key: 'x', ballot: { value: 10, reason: 'r' } }], {
      round: 2,
      previousEstimate: { n: 2, min: 0, q1: 5, median: 10, q3: 15, max: 20, iqr: 10 },
    });
    expect(r).toMatchObject({ kind: 'estimate', round: 2, convergence: { iqrChange: -10, converged: true } });
  });

  it('refuses a ballot of another kind in the count', () => {
    const single: PollDefinition = { ...base, kind: 'single', options: ['Lyon', 'Lille'], rule: 'plurality' };
    expect(() => tallyPoll(single, [{ key: 'k', ballot: { value: 1, reason: 'r' } }], { round: 1 })).toThrow();
  });
});
