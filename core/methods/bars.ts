import { consentPositions } from './consent.ts';
import type { PollResult } from './tally.ts';

/** What a bar counts, for its caption ("3 votes", "12 dots", "7.3 / 10"…). */
export type BarUnit = 'votes' | 'dots' | 'points' | 'score' | 'people';

export interface ResultBar {
  /** An option, or for consent a position (`agree`, `abstain`, `object`, `block`). */
  label: string;
  value: number;
  winner: boolean;
}

export interface ResultBars {
  unit: BarUnit;
  /** The value a full bar stands for: the votes cast, the scale's top, the best score. */
  max: number;
  bars: ResultBar[];
}

/**
 * A revealed round drawn as bars, each with its count: what the results panel shows
 * above the method's lines. Null for methods whose result is not a count per option
 * (an estimate's median and range, private-first entries).
 */
export function resultBars(result: PollResult, scaleMax = 10): ResultBars | null {
  const top = (values: number[]) => Math.max(1, ...values);
  switch (result.kind) {
    case 'single':
      return {
        unit: 'votes',
        max: Math.max(1, result.total),
        bars: result.counts.map((c) => ({ label: c.option, value: c.votes, winner: result.winners.includes(c.option) })),
      };
    case 'dots':
      return {
        unit: 'dots',
        max: top(result.ranking.map((t) => t.dots)),
        bars: result.ranking.map((t) => ({ label: t.option, value: t.dots, winner: result.winners.includes(t.option) })),
      };
    case 'ranking': {
      if (result.rule === 'borda') {
        return {
          unit: 'points',
          max: top(result.ranking.map((t) => t.points)),
          bars: result.ranking.map((t) => ({ label: t.option, value: t.points, winner: result.winners.includes(t.option) })),
        };
      }
      const last = result.rounds[result.rounds.length - 1];
      if (!last) return null;
      const votes = Object.entries(last.votes);
      return {
        unit: 'votes',
        max: Math.max(1, result.ballots),
        bars: votes.map(([option, n]) => ({ label: option, value: n, winner: result.winners.includes(option) })),
      };
    }
    case 'matrix':
      return {
        unit: 'score',
        max: Math.max(scaleMax, ...result.ranking.map((r) => r.total)),
        bars: result.ranking.map((r) => ({ label: r.option, value: r.total, winner: result.winners.includes(r.option) })),
      };
    case 'consent':
      return {
        unit: 'people',
        max: Math.max(1, result.positions),
        bars: consentPositions.map((p) => ({ label: p, value: result.counts[p], winner: false })),
      };
    case 'estimate':
    case 'entries':
      return null;
  }
}
