import { describe, expect, it } from 'vitest';
import type { DecisionRecord } from '#core/api/decisions';
import { decisionMarkdown } from '#core/decisions/markdown';
import { tallyInstantRunoff } from '#core/methods/instant-runoff';

const record: DecisionRecord = {
  id: 'd1d1d1d1',
  activityId: 'a1a1a1a1',
  activityTitle: 'Next store',
  question: 'Where do we open the next store?',
  outcome: 'We open in Lyon.',
  chosenOption: 'Lyon',
  rationale: 'Best on cost.',
  dissent: 'Lille reaches more people.',
  reviewDate: '2027-03-01T00:00:00.000Z',
  results: [
    {
      pollId: 'p1p1p1p1',
      kind: 'ranking',
      question: 'Rank the cities',
      rounds: 1,
      result: tallyInstantRunoff(['Lyon', 'Lille'], [['Lyon'], ['Lyon'], ['Lille']]),
    },
  ],
  publishedBy: { userId: 'u1u1u1u1', name: 'Fiona' },
  publishedAt: '2026-11-23T10:00:00.000Z',
  recipients: [
    { userId: 'u2u2u2u2', name: 'Bob', sms: null, acknowledgedAt: '2026-11-23T10:05:00.000Z', acknowledgedVia: 'sms' },
    { userId: 'u3u3u3u3', name: 'Carol', sms: null, acknowledgedAt: null, acknowledgedVia: null },
  ],
  ratings: { count: 0, mean: null, mine: null, comments: [] },
};

describe('the decision record in Markdown', () => {
  it('has the outcome, rationale, dissent, method results, review date and acknowledgements', () => {
    const md = decisionMarkdown(record);
    expect(md).toContain('# Decision: Next store');
    expect(md).toContain('## Dissent (minority view)\n\nLille reaches more people.');
    expect(md).toContain('- Round 1: Lyon 2, Lille 1; 0 exhausted');
    expect(md).toContain('- Result: Lyon (instant-runoff, 3 ballot(s)).');
    expect(md).toContain('To be reviewed on 2027-03-01.');
    expect(md).toContain('1 of 2 member(s) acknowledged.');
    expect(md).toContain('- Bob: acknowledged 2026-11-23 10:05 (sms)');
    expect(md).toContain('- Carol: not yet');
  });
});
