import { describe, expect, it } from 'vitest';
import { CreatePollRequest } from '#core/api/polls';
import { emptyPollForm, parseCriteria, pollRequest, rulesOf } from '../../../../../renderer/methods/polls/poll-form.ts';

describe('the new-poll form', () => {
  const base = { ...emptyPollForm('Where do we open the next store?'), deadline: '2030-01-01T09:30' };

  it('turns each kind into a request the relay accepts', () => {
    const forms = [
      { ...base, kind: 'single' as const, options: 'Lyon\n  Lille \n\nNantes', rule: 'majority' },
      { ...base, kind: 'dots' as const, options: 'Lyon\nLille', rule: 'most-dots', dotsPerPerson: '4' },
      { ...base, kind: 'ranking' as const, options: 'Lyon\nLille', rule: 'borda' },
      { ...base, kind: 'matrix' as const, options: 'Lyon\nLille', rule: 'weighted-sum', criteria: 'Cost: 3\nReach: 1,5\nTeam' },
      { ...base, kind: 'consent' as const, proposal: 'We open in Lyon next spring.', rule: 'consent' },
      { ...base, kind: 'estimate' as const, quantity: 'first-year sales', unit: 'k€', rule: 'median' },
    ];
    for (const form of forms) {
      const request = pollRequest(form);
      expect(CreatePollRequest.safeParse(request).error).toBeUndefined();
      expect(rulesOf[form.kind]).toContain(request.rule);
    }
    expect(pollRequest(forms[0]!)).toMatchObject({ options: ['Lyon', 'Lille', 'Nantes'], rule: 'majority' });
  });

  it('reads criteria as "label: weight", a bare label weighing 1', () => {
    expect(parseCriteria('Cost: 3\nReach: 1,5\nTeam')).toEqual([
      { label: 'Cost', weight: 3 },
      { label: 'Reach', weight: 1.5 },
      { label: 'Team', weight: 1 },
    ]);
  });

  it('leaves the question gate to the relay: an empty deadline stays empty and is refused', () => {
    expect(CreatePollRequest.safeParse(pollRequest({ ...base, deadline: '', options: 'a\nb' })).success).toBe(false);
  });
});
