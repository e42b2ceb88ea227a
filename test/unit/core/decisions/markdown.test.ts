import { describe, expect, it } from 'vitest';
import type { DecisionRecord } from '#core/api/decisions';
import { decisionMarkdown, exportLimits } from '#core/decisions/markdown';
import { tallyInstantRunoff } from '#core/methods/instant-runoff';
import { tallySingle } from '#core/methods/plurality';

const record: DecisionRecord = {
  id: 'd1d1d1d1',
  organization: 'Maison Durand',
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
    expect(md).toContain('**Organisation:** Maison Durand');
    expect(md).toContain('## Dissent (minority view)\n\nLille reaches more people.');
    expect(md).toContain('- Round 1: Lyon 2, Lille 1; 0 ballots exhausted');
    expect(md).toContain('- Result: Lyon (instant runoff, 3 ballots).');
    expect(md).toContain('To be reviewed on March 1, 2027.');
    expect(md).toContain('1 member of 2 acknowledged.');
    expect(md).toContain('- Bob: acknowledged on November 23, 2026 at 10:05 AM (by SMS)');
    expect(md).toContain('- Carol: not yet');
  });

  it('is written in the reader’s language: French headings, results, dates, plurals and numbers', () => {
    const md = decisionMarkdown(
      {
        ...record,
        results: [...record.results, { pollId: 'p2p2p2p2', kind: 'single', question: 'Which city?', rounds: 1, result: tallySingle(['Lyon', 'Lille'], ['Lyon', 'Lille'], 'plurality') }],
        ratings: { count: 3, mean: 3.79, mine: null, comments: [] },
      },
      'fr',
    );
    expect(md).toContain('# Décision : Next store');
    expect(md).toContain('## Avis minoritaire\n\nLille reaches more people.');
    expect(md).toContain('- Tour 1 : Lyon 2, Lille 1 ; 0 bulletin épuisé');
    expect(md).toContain('- Résultat : Lyon (vote alternatif, 3 bulletins).');
    expect(md).toMatch(/- Lille : 1 voix, 50\s%/);
    expect(md).toContain('- Égalité ou pas de majorité entre Lyon, Lille (le plus de voix, 2 voix exprimées).');
    expect(md).toContain('À revoir le 1 mars 2027.');
    expect(md).toContain('1 membre sur 2 en a pris connaissance.');
    expect(md).toContain('- Bob : pris connaissance le 23 novembre 2026 à 10:05 (par SMS)');
    expect(md).toContain('Noté 3,8 / 5 par 3 membres.');
    for (const english of ['Decision:', 'Round', 'ballot(s)', 'member(s)', 'acknowledged', 'not yet', 'Tie or no majority', 'vote(s)']) {
      expect(md).not.toContain(english);
    }
  });

  it('is bounded whatever the number of members, ratings and reasons: long lists are cut with a line saying how many more the app shows', () => {
    const members = 20_001;
    const reason = 'e'.repeat(2000);
    const comment = 'c'.repeat(2000);
    const big: DecisionRecord = {
      ...record,
      rationale: 'r'.repeat(20_000),
      dissent: 'd'.repeat(20_000),
      results: Array.from({ length: 50 }, (_, i) => ({
        pollId: `p${i}`,
        kind: 'estimate',
        question: `Estimate ${i}`,
        rounds: 1,
        result: { kind: 'estimate', round: 1, summary: null, convergence: null, reasons: Array.from({ length: members }, () => reason) },
      })),
      recipients: Array.from({ length: members }, (_, i) => ({ userId: `u${i}`, name: `Member ${i}`, sms: null, acknowledgedAt: null, acknowledgedVia: null })),
      ratings: { count: members, mean: 3, mine: null, comments: Array.from({ length: members }, () => comment) },
    };
    const md = decisionMarkdown(big);
    expect(md.length).toBeLessThanOrEqual(exportLimits.characters + 1_000);
    expect(md).toContain(`0 members of ${members.toLocaleString('en')} acknowledged.`);
    expect(md).toContain(`- … and ${(members - exportLimits.comments).toLocaleString('en')} more: the full list is in the app.`);
    const small = decisionMarkdown({ ...record, recipients: big.recipients });
    expect(small).toContain(`- … and ${(members - exportLimits.listed).toLocaleString('en')} more: the full list is in the app.`);
    expect(small.split('\n').filter((l) => l.startsWith('- Member ')).length).toBe(exportLimits.listed);
  });
});

describe('the decision record’s action items in Markdown (and so in its PDF)', () => {
  const withActions: DecisionRecord = {
    ...record,
    actions: [
      { id: 'act00001', title: 'Sign the Lyon lease', ownerName: 'Bob', due: '2026-12-10', status: 'todo', fromDecision: true },
      { id: 'act00002', title: 'Hire a manager', ownerName: 'Carol', due: '2027-01-15', status: 'done', fromDecision: false },
    ],
  };

  it('lists each item with its owner, due day and status, in English and French', () => {
    expect(decisionMarkdown(withActions)).toContain('## Action items\n\n- Sign the Lyon lease: Bob, due December 10, 2026 (to do)\n- Hire a manager: Carol, due January 15, 2027 (done)');
    expect(decisionMarkdown(withActions, 'fr')).toContain('## Actions à mener\n\n- Sign the Lyon lease : Bob, pour le 10 décembre 2026 (à faire)\n- Hire a manager : Carol, pour le 15 janvier 2027 (faite)');
  });

  it('has no section when there is none', () => {
    expect(decisionMarkdown(record)).not.toContain('Action items');
  });
});

describe('the boards on the record', () => {
  const board = (lines: number, more = 0) => ({
    id: 'b1b1b1b1',
    kind: 'prioritisation',
    en: { title: 'Prioritisation (impact/effort)', lines: Array.from({ length: lines }, (_, i) => `Quick wins: item ${i + 1}`) },
    fr: { title: 'Priorisation (impact/effort)', lines: Array.from({ length: lines }, (_, i) => `Gains rapides: élément ${i + 1}`) },
    more,
  });

  it('lists each board with its lines, in the reader’s language; none for a record without boards', () => {
    expect(decisionMarkdown(record)).not.toContain('## Boards');
    const md = decisionMarkdown({ ...record, boards: [board(2)] });
    expect(md).toContain('## Boards\n\n### Prioritisation (impact/effort)\n\n- Quick wins: item 1\n- Quick wins: item 2\n');
    const fr = decisionMarkdown({ ...record, boards: [board(1)] }, 'fr');
    expect(fr).toContain('## Tableaux\n\n### Priorisation (impact/effort)\n\n- Gains rapides: élément 1\n');
  });

  it('stays bounded: lines past the limit are counted, with those the record left out', () => {
    const md = decisionMarkdown({ ...record, boards: [board(exportLimits.resultLines + 5, 7)] });
    expect(md).toContain(`- Quick wins: item ${exportLimits.resultLines}\n`);
    expect(md).not.toContain(`item ${exportLimits.resultLines + 1}\n`);
    expect(md).toContain('- … and 12 more: the full list is in the app.');
  });
});
