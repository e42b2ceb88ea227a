import { describe, expect, it } from 'vitest';
import { checkConsentInput, tallyConsent } from '#core/methods/consent';

describe('consent', () => {
  const positions = [
    { key: 'k1', position: 'agree' as const, reason: null, answer: null },
    { key: 'k2', position: 'abstain' as const, reason: null, answer: null },
    { key: 'k3', position: 'object' as const, reason: 'the budget is tight', answer: null },
    { key: 'k4', position: 'block' as const, reason: 'no one can staff it', answer: null },
  ];

  it('is blocked while a block is unanswered; objections do not stop it', () => {
    const r = tallyConsent(positions);
    expect(r).toMatchObject({
      outcome: 'blocked',
      positions: 4,
      counts: { agree: 1, abstain: 1, object: 1, block: 1 },
      objections: [{ reason: 'the budget is tight' }],
      blocks: [{ key: 'k4', reason: 'no one can staff it', answer: null }],
      unansweredBlocks: 1,
    });
  });

  it('passes once every block is answered', () => {
    const answered = positions.map((p) => (p.key === 'k4' ? { ...p, answer: 'Two hires are budgeted.' } : p));
    expect(tallyConsent(answered)).toMatchObject({ outcome: 'passes', unansweredBlocks: 0 });
    expect(tallyConsent(positions.slice(0, 3)).outcome).toBe('passes');
  });

  it('lists objections and blocks by their reason, never in the order the ballots were read (the store\u2019s order, which can follow the voters)', () => {
    const read = [
      { key: 'k1', position: 'object' as const, reason: 'too late in the year', answer: null },
      { key: 'k2', position: 'block' as const, reason: 'no one can staff it', answer: null },
      { key: 'k3', position: 'object' as const, reason: 'customers will miss Sundays', answer: null },
      { key: 'k4', position: 'block' as const, reason: 'breaks the lease', answer: null },
    ];
    for (const order of [read, [...read].reverse()]) {
      const r = tallyConsent(order);
      expect(r.objections.map((o) => o.reason)).toEqual(['customers will miss Sundays', 'too late in the year']);
      expect(r.blocks.map((b) => b.key)).toEqual(['k4', 'k2']);
    }
  });

  it('requires a reason to object or block', () => {
    expect(checkConsentInput('block', '  ')).toMatch(/say why you block/);
    expect(checkConsentInput('object', undefined)).toMatch(/say why you object/);
    expect(checkConsentInput('agree', undefined)).toBeNull();
  });
});
