import { describe, expect, it } from 'vitest';
import { CreatePollRequest } from '#core/api/polls';
import { FieldIssue } from '../../../../../renderer/actions/field-issue.ts';
import { criteriaOf, defaultDeadline, emptyPollForm, pollRequest, rulesOf } from '../../../../../renderer/methods/polls/poll-form.ts';

describe('the new-poll form', () => {
  const base = { ...emptyPollForm('Where do we open the next store?'), deadline: '2030-01-01T09:30' };

  it('turns each kind into a request the relay accepts', () => {
    const forms = [
      { ...base, kind: 'single' as const, options: 'Lyon\n  Lille \n\nNantes', rule: 'majority' },
      { ...base, kind: 'dots' as const, options: 'Lyon\nLille', rule: 'most-dots', dotsPerPerson: '4' },
      { ...base, kind: 'ranking' as const, options: 'Lyon\nLille', rule: 'borda' },
      { ...base, kind: 'matrix' as const, options: 'Lyon\nLille', rule: 'weighted-sum', criteria: [{ label: 'Cost', weight: '3' }, { label: 'Reach', weight: '1,5' }] },
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

  it('takes each weight as a number typed beside its criterion, never guessing one (issue 13, finding 6)', () => {
    expect(criteriaOf([{ label: 'Cost', weight: '3' }, { label: 'Reach', weight: '1,5' }, { label: '', weight: '' }])).toEqual([
      { label: 'Cost', weight: 3 },
      { label: 'Reach', weight: 1.5 },
    ]);
    expect(() => criteriaOf([{ label: 'Coût', weight: 'beaucoup' }])).toThrow(FieldIssue);
    expect(() => criteriaOf([{ label: 'Coût', weight: '' }])).toThrow(FieldIssue);
  });

  it('starts with a deadline a week ahead, on the hour', () => {
    expect(defaultDeadline(new Date(2026, 11, 5, 8, 41))).toBe('2026-12-12T08:00');
    expect(emptyPollForm('q').deadline).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:00$/);
  });

  it('leaves the question gate to the relay: an empty deadline stays empty and is refused', () => {
    expect(CreatePollRequest.safeParse(pollRequest({ ...base, deadline: '', options: 'a\nb' })).success).toBe(false);
  });
});
