import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import type { PollView, RoundView } from '#core/api/poll-view';
import { seedDocument } from '#core/doc/seed';
import { readSwotItems } from '#core/doc/swot';
import { tallyEntries } from '#core/methods/private-entries';
import { quadrants } from '#core/methods/swot';
import { putEntriesOnBoard, revealedEntries } from '../../../../renderer/actions/private-first.ts';

const bruno = { userId: 'bruno-000001', name: 'Bruno' };
const chloe = { userId: 'chloe-000001', name: 'Chloé' };
const ballots = {
  [bruno.userId]: [
    { column: 'strengths', text: 'Loyal customers' },
    { column: 'threats', text: 'A new rival' },
  ],
  [chloe.userId]: [{ column: 'strengths', text: '  loyal   customers ' }],
};

/** A revealed private-first round as the relay shows it: named, or anonymous (no choices). */
function revealedRound(anonymous: boolean, revealed = true): PollView {
  const columns = [...quadrants];
  const round: RoundView = {
    round: 1,
    deadline: '2027-01-01T00:00:00.000Z',
    openedAt: '2026-11-01T00:00:00.000Z',
    revealedAt: revealed ? '2026-11-02T00:00:00.000Z' : null,
    revealedBy: null,
    participants: [bruno, chloe],
    result: revealed ? tallyEntries(columns, Object.values(ballots)) : null,
    choices: revealed && !anonymous ? [bruno, chloe].map((p) => ({ ...p, ballot: { entries: ballots[p.userId]! } })) : null,
    changedInput: null,
  };
  return {
    id: 'poll-0000001',
    activityId: 'activity-0001',
    kind: 'entries',
    question: 'What are our strengths and weaknesses?',
    options: columns,
    rule: 'collect',
    deadline: round.deadline,
    anonymous,
    status: revealed ? 'revealed' : 'open',
    round: 1,
    definition: { kind: 'entries', method: 'swot', columns, rule: 'collect', question: 'What are our strengths and weaknesses?', deadline: round.deadline },
    createdAt: round.openedAt,
    participation: { eligible: 3, taken: [bruno, chloe], waiting: [] },
    mine: { taken: false, ballot: null },
    results: round.result,
    rounds: [round],
  };
}

const anonymous = (count: number) => ({ id: 'anonymous', name: `Anonymous ×${count}` });

const facilitator = { id: 'facilitator-1', name: 'Fanny' };

describe('private-first entries put on the SWOT board', () => {
  it('a sealed round reveals nothing', () => {
    expect(revealedEntries(revealedRound(false, false), anonymous)).toEqual([]);
  });

  it('a named round gives every entry with its author; putting them twice adds nothing', () => {
    const entries = revealedEntries(revealedRound(false), anonymous);
    expect(entries.map((e) => [e.quadrant, e.text, e.author.name])).toEqual([
      ['strengths', 'Loyal customers', 'Bruno'],
      ['threats', 'A new rival', 'Bruno'],
      ['strengths', 'loyal   customers', 'Chloé'],
    ]);
    const doc = new Y.Doc();
    seedDocument(doc);
    expect(putEntriesOnBoard(doc, facilitator, entries)).toBe(3);
    expect(putEntriesOnBoard(doc, facilitator, entries)).toBe(0);
    const items = readSwotItems(doc);
    expect(items.every((i) => i.placedBy === facilitator.id)).toBe(true);
    expect(items.map((i) => [i.quadrant, i.authorId]).sort()).toEqual(
      [['strengths', bruno.userId], ['strengths', chloe.userId], ['threats', bruno.userId]].sort(),
    );
  });

  it('an anonymous round gives each text once, with no author, and the count in the name', () => {
    const entries = revealedEntries(revealedRound(true), anonymous);
    expect(entries.map((e) => [e.quadrant, e.text, e.author.id, e.author.name])).toEqual([
      ['strengths', 'Loyal customers', 'anonymous', 'Anonymous ×2'],
      ['threats', 'A new rival', 'anonymous', 'Anonymous ×1'],
    ]);
    const doc = new Y.Doc();
    seedDocument(doc);
    expect(putEntriesOnBoard(doc, facilitator, entries)).toBe(2);
    expect(JSON.stringify(doc.getMap('methods').toJSON())).not.toContain('Bruno');
  });
});
