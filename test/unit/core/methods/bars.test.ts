import { describe, expect, it } from 'vitest';
import type { PollDefinition } from '#core/api/polls';
import { resultBars } from '#core/methods/bars';
import { tallyConsent } from '#core/methods/consent';
import { kindTakesRounds, nextRoundMeaning } from '#core/methods/next-round';
import { tallySingle } from '#core/methods/plurality';

describe('results drawn as bars (issue 13, finding 6)', () => {
  it('draws a vote as one bar per option, counted, the full bar being every vote cast', () => {
    const drawn = resultBars(tallySingle(['Lyon', 'Lille', 'Nantes'], ['Lyon', 'Lyon', 'Lille'], 'plurality'));
    expect(drawn).toEqual({
      unit: 'votes',
      max: 3,
      bars: [
        { label: 'Lyon', value: 2, winner: true },
        { label: 'Lille', value: 1, winner: false },
        { label: 'Nantes', value: 0, winner: false },
      ],
    });
  });

  it('draws consent as the count of each position', () => {
    const result = tallyConsent([
      { key: 'a', position: 'agree', reason: null, answer: null },
      { key: 'b', position: 'object', reason: 'cost', answer: null },
    ]);
    expect(resultBars(result)?.bars.map((b) => [b.label, b.value])).toEqual([['agree', 1], ['abstain', 0], ['object', 1], ['block', 0]]);
  });
});

describe('rounds only where they mean something', () => {
  const single: PollDefinition = { kind: 'single', question: 'Where do we open?', options: ['Lyon', 'Lille'], rule: 'plurality', deadline: '2030-01-01T00:00:00Z' };
  it('offers a re-vote only to settle a tie, Delphi rounds always, consent never', () => {
    expect(nextRoundMeaning(single, tallySingle(['Lyon', 'Lille'], ['Lyon', 'Lille'], 'plurality'))).toBe('revote');
    expect(nextRoundMeaning(single, tallySingle(['Lyon', 'Lille'], ['Lyon', 'Lyon'], 'plurality'))).toBeNull();
    expect(nextRoundMeaning({ kind: 'estimate', question: 'How much will we sell?', quantity: 'sales', rule: 'median', deadline: '2030-01-01T00:00:00Z' }, null)).toBe('delphi');
    const consent: PollDefinition = { kind: 'consent', question: 'Do we open in Lyon?', proposal: 'We open in Lyon next spring.', rule: 'consent', deadline: '2030-01-01T00:00:00Z' };
    expect(nextRoundMeaning(consent, tallyConsent([]))).toBeNull();
    expect(kindTakesRounds('consent')).toBe(false);
    expect(kindTakesRounds('single')).toBe(true);
  });
});
