import { describe, expect, it } from 'vitest';
import { CreatePollRequest, voteSchemas } from '#core/api/polls';

const single = {
  kind: 'single',
  question: 'Where do we open the next store?',
  options: ['Lyon', 'Lille', 'Nantes'],
  rule: 'plurality',
  deadline: '2030-01-01T12:00:00Z',
};

describe('poll requests (the question gate)', () => {
  it('accepts the contract body of a single-choice poll as written', () => {
    expect(CreatePollRequest.parse(single)).toEqual(single);
  });

  it.each([
    ['question', /precise question/],
    ['options', /options/],
    ['rule', /rule/],
    ['deadline', /deadline/],
  ])('refuses a poll without its %s', (field, message) => {
    const body: Record<string, unknown> = { ...single };
    delete body[field];
    const result = CreatePollRequest.safeParse(body);
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toMatch(message);
  });

  it('refuses a vague question, one option, duplicate options, unknown fields', () => {
    expect(CreatePollRequest.safeParse({ ...single, question: 'Where?' }).success).toBe(false);
    expect(CreatePollRequest.safeParse({ ...single, options: ['Lyon'] }).success).toBe(false);
    expect(CreatePollRequest.safeParse({ ...single, options: ['Lyon', 'lyon'] }).success).toBe(false);
    expect(CreatePollRequest.safeParse({ ...single, secret: true }).success).toBe(false);
    expect(CreatePollRequest.safeParse({ ...single, rule: 'borda' }).success).toBe(false);
  });

  it('knows every kind of poll', () => {
    const common = { question: single.question, deadline: single.deadline };
    const bodies = [
      { ...common, kind: 'dots', options: ['a', 'b'], rule: 'most-dots', dotsPerPerson: 3 },
      { ...common, kind: 'ranking', options: ['a', 'b'], rule: 'instant-runoff' },
      { ...common, kind: 'matrix', options: ['a', 'b'], rule: 'weighted-sum', criteria: [{ label: 'cost', weight: 2 }] },
      { ...common, kind: 'consent', proposal: 'We open in Lyon in March.', rule: 'consent' },
      { ...common, kind: 'estimate', quantity: 'first-year sales', unit: 'k€', rule: 'median', anonymous: true },
      { ...common, kind: 'entries', method: 'swot-1', columns: ['strengths', 'threats'], rule: 'collect' },
    ];
    for (const body of bodies) expect(CreatePollRequest.safeParse(body).error).toBeUndefined();
    const zeroWeights = { ...bodies[2], criteria: [{ label: 'cost', weight: 0 }] };
    expect(CreatePollRequest.safeParse(zeroWeights).success).toBe(false);
  });

  it('reads votes strictly', () => {
    expect(voteSchemas.single.parse({ choice: 'Lyon' })).toEqual({ choice: 'Lyon' });
    expect(voteSchemas.single.safeParse({ choice: 'Lyon', voter: 'x' }).success).toBe(false);
    expect(voteSchemas.estimate.safeParse({ value: 12 }).success).toBe(false);
    expect(voteSchemas.estimate.safeParse({ value: 12, reason: 'past sales' }).success).toBe(true);
  });
});
