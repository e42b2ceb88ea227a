import { describe, expect, it } from 'vitest';
import { tallyInstantRunoff } from '#core/methods/instant-runoff';
import { checkRankingBallot, tallyBorda } from '#core/methods/ranking';

const repeat = <T>(n: number, ballot: T): T[] => Array.from({ length: n }, () => ballot);

// 14 ballots over four options; the plurality leader (A) is nobody's compromise.
const options = ['A', 'B', 'C', 'D'];
const ballots = [
  ...repeat(5, ['A', 'B', 'C', 'D']),
  ...repeat(4, ['B', 'C', 'D', 'A']),
  ...repeat(3, ['C', 'D', 'B', 'A']),
  ...repeat(2, ['D', 'C']), // truncated: A and B unranked
];

describe('Borda count', () => {
  it('gives n−1 … 0 points by position, nothing for unranked options (worked by hand)', () => {
    // A: 5×3 = 15
    // B: 5×2 + 4×3 + 3×1 = 25
    // C: 5×1 + 4×2 + 3×3 + 2×2 = 26
    // D: 4×1 + 3×2 + 2×3 = 16
    const r = tallyBorda(options, ballots);
    expect(r.ranking).toEqual([
      { option: 'C', points: 26, firsts: 3 },
      { option: 'B', points: 25, firsts: 4 },
      { option: 'D', points: 16, firsts: 2 },
      { option: 'A', points: 15, firsts: 5 },
    ]);
    expect(r).toMatchObject({ ballots: 14, winners: ['C'], decided: true });
  });

  it('lists every option tied at the top and decides nothing', () => {
    const r = tallyBorda(['A', 'B'], [['A', 'B'], ['B', 'A']]);
    expect(r.winners).toEqual(['A', 'B']);
    expect(r.decided).toBe(false);
  });

  it('has no winner without ballots', () => {
    expect(tallyBorda(options, [])).toMatchObject({ winners: [], decided: false });
  });
});

describe('instant-runoff', () => {
  it('eliminates the weakest option until one has a majority of continuing ballots (worked by hand)', () => {
    const r = tallyInstantRunoff(options, ballots);
    expect(r.rounds).toEqual([
      { votes: { A: 5, B: 4, C: 3, D: 2 }, exhausted: 0, continuing: 14, eliminated: 'D', tieBrokenByOrder: false },
      { votes: { A: 5, B: 4, C: 5 }, exhausted: 0, continuing: 14, eliminated: 'B', tieBrokenByOrder: false },
      { votes: { A: 5, C: 9 }, exhausted: 0, continuing: 14, eliminated: null, tieBrokenByOrder: false },
    ]);
    expect(r).toMatchObject({ winners: ['C'], decided: true });
  });

  it('wins at once with a first-round majority', () => {
    const r = tallyInstantRunoff(['A', 'B'], [['A'], ['A'], ['B']]);
    expect(r.rounds).toHaveLength(1);
    expect(r.winners).toEqual(['A']);
  });

  it('exhausted ballots stop counting towards the majority; a tie in every round eliminates the last listed', () => {
    const r = tallyInstantRunoff(['A', 'B', 'C'], [
      ...repeat(4, ['A']),
      ...repeat(3, ['B']),
      ...repeat(2, ['C', 'B']),
      ...repeat(2, ['C']),
    ]);
    // R1: A4 B3 C4 → B out. R2: B's three ballots are exhausted; A4 C4 of 8 continuing,
    // tied now and in R1 → C (listed after A) out. R3: A4 of 4 continuing wins.
    expect(r.rounds).toEqual([
      { votes: { A: 4, B: 3, C: 4 }, exhausted: 0, continuing: 11, eliminated: 'B', tieBrokenByOrder: false },
      { votes: { A: 4, C: 4 }, exhausted: 3, continuing: 8, eliminated: 'C', tieBrokenByOrder: true },
      { votes: { A: 4 }, exhausted: 7, continuing: 4, eliminated: null, tieBrokenByOrder: false },
    ]);
    expect(r.winners).toEqual(['A']);
  });

  it('breaks a tie for last place backwards through earlier rounds before the listed order', () => {
    // Listed order would eliminate B (after C); C had fewer votes in round 1, so C goes.
    const r = tallyInstantRunoff(['A', 'C', 'B', 'D'], [
      ...repeat(6, ['A']),
      ...repeat(4, ['B', 'A']),
      ...repeat(3, ['C', 'B']),
      ['D', 'C'],
      ['D'],
    ]);
    expect(r.rounds.map((round) => [round.votes, round.exhausted, round.eliminated, round.tieBrokenByOrder])).toEqual([
      [{ A: 6, C: 3, B: 4, D: 2 }, 0, 'D', false],
      [{ A: 6, C: 4, B: 4 }, 1, 'C', false],
      [{ A: 6, B: 7 }, 2, null, false],
    ]);
    // B: 7 of 13 continuing is a majority, though not of the 15 ballots cast.
    expect(r.winners).toEqual(['B']);
  });

  it('has no winner without ballots', () => {
    expect(tallyInstantRunoff(options, [])).toMatchObject({ winners: [], decided: false, rounds: [] });
  });
});

describe('ranked ballots', () => {
  it('must rank known options, each once', () => {
    expect(checkRankingBallot(options, ['B', 'A'])).toBeNull();
    expect(checkRankingBallot(options, [])).toMatch(/at least one/);
    expect(checkRankingBallot(options, ['A', 'A'])).toMatch(/ranked twice/);
    expect(checkRankingBallot(options, ['Z'])).toMatch(/not one of the options/);
  });
});
