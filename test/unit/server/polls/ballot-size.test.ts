import { describe, expect, it } from 'vitest';
import type { PollDefinition } from '#core/api/polls';
import { checkBallot } from '#core/methods/tally';
import { largestBallot } from '../../../../server/polls/ballot-size.ts';
import { paddedSize } from '../../../../server/polls/sealing.ts';

/** Labels and reasons at their longest in JSON: 120 or 2,000 lone surrogates, each written `\udc00`. */
const label = (i: number) => `${i}`.padEnd(120, '\udc00');
const longest = -0.000001234567890123457;
const bytes = (ballot: unknown) => Buffer.byteLength(JSON.stringify(ballot));

describe('the longest ballot a poll can take', () => {
  const options = Array.from({ length: 30 }, (_, i) => label(i));
  const criteria = Array.from({ length: 20 }, (_, i) => ({ label: label(100 + i), weight: 1 }));
  const reason = '\udc00'.repeat(2000);
  const common = { question: 'Where do we open?', deadline: '2099-01-01T00:00:00.000Z', anonymous: true };
  const worst: [PollDefinition, unknown][] = [
    [{ ...common, kind: 'single', options, rule: 'plurality' } as PollDefinition, { choice: options[29] }],
    [
      { ...common, kind: 'dots', options, rule: 'most-dots', dotsPerPerson: 3000 } as PollDefinition,
      { dots: Object.fromEntries(options.map((o) => [o, 100])) },
    ],
    [{ ...common, kind: 'ranking', options, rule: 'borda' } as PollDefinition, { ranking: options }],
    [
      { ...common, kind: 'matrix', options, criteria, rule: 'weighted-sum', scale: { min: -1, max: 1 } } as PollDefinition,
      { scores: Object.fromEntries(options.map((o) => [o, Object.fromEntries(criteria.map((c) => [c.label, longest]))])) },
    ],
    [{ ...common, kind: 'consent', proposal: 'Open in Lyon next spring.', rule: 'consent' } as PollDefinition, { position: 'abstain', reason }],
    [{ ...common, kind: 'estimate', quantity: 'Cost', rule: 'median' } as PollDefinition, { value: longest, reason }],
  ];

  it('bounds every ballot the poll accepts, at its longest', () => {
    for (const [def, ballot] of worst) {
      expect(checkBallot(def, ballot as never)).toBeNull();
      expect(bytes(ballot)).toBeLessThanOrEqual(largestBallot(def));
    }
  });

  it('leaves a vote, a consent or an estimate at the smallest size', () => {
    for (const [def] of worst.filter(([d]) => d.kind !== 'dots' && d.kind !== 'ranking' && d.kind !== 'matrix')) {
      expect(paddedSize(largestBallot(def))).toBe(16 * 1024);
    }
  });
});
