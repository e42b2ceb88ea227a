import type { PollResult } from '../methods/tally.ts';
import type { DecisionMessageKey } from './messages.en.ts';

/** A value put into a result message: text, a number (formatted in the reader's language), or a list of lines. */
export type ResultValue = string | number | readonly ResultLine[];

/**
 * One line of a result, as data: the message (messages.en.ts / messages.fr.ts) and its
 * values. The reader's language turns it into text (result-text.ts), so a result reads
 * "Lille : 1 voix, 50 %" in French and "Lille: 1 vote, 50%" in English.
 */
export interface ResultLine {
  key: DecisionMessageKey;
  values: Readonly<Record<string, ResultValue>>;
}

const line = (key: DecisionMessageKey, values: Record<string, ResultValue> = {}): ResultLine => ({ key, values });
/** Figures are shown with two decimals at most. */
const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * A method's result as lines, for the app and the record's exports (Markdown, PDF): at
 * most `limit` lines, and how many more there would be. Lines built from what people
 * wrote (reasons, objections, entries) are built only up to the limit, so a round of
 * 20,000 reasons costs `limit` lines, not 20,000.
 */
export function resultLines(result: PollResult, limit = Infinity): { lines: ResultLine[]; more: number } {
  const all = linesOf(result, limit);
  return { lines: all.lines.slice(0, limit), more: all.more + Math.max(0, all.lines.length - limit) };
}

/** `head`, then `items` as lines while the limit allows, and how many were left out. */
function withList<T>(head: ResultLine[], items: readonly T[], limit: number, toLine: (item: T) => ResultLine) {
  const room = Math.max(0, limit - head.length);
  return { lines: [...head, ...items.slice(0, room).map(toLine)], more: Math.max(0, items.length - room) };
}

function linesOf(result: PollResult, limit: number): { lines: ResultLine[]; more: number } {
  const all = (lines: ResultLine[]) => ({ lines, more: 0 });
  switch (result.kind) {
    case 'single':
      return all([
        ...result.counts.map((c) => line('result.single.count', { option: c.option, votes: c.votes, share: c.share })),
        winnerLine(result.winners, result.decided, line('result.how.single', { rule: result.rule, total: result.total })),
      ]);
    case 'dots':
      return all([
        ...result.ranking.map((t) => line('result.dots.count', { option: t.option, dots: t.dots, supporters: t.supporters })),
        winnerLine(result.winners, result.decided, line('result.how.dots', { voters: result.voters })),
      ]);
    case 'ranking':
      if (result.rule === 'borda') {
        return all([
          ...result.ranking.map((t) => line('result.borda.count', { option: t.option, points: t.points, firsts: t.firsts })),
          winnerLine(result.winners, result.decided, line('result.how.borda', { ballots: result.ballots })),
        ]);
      }
      return all([
        ...result.rounds.map((round, i) => {
          const votes = Object.entries(round.votes).map(([option, n]) => line('result.runoff.votes', { option, votes: n }));
          const values = { n: i + 1, votes, exhausted: round.exhausted };
          if (!round.eliminated) return line('result.runoff.round', values);
          return line(round.tieBrokenByOrder ? 'result.runoff.tieBroken' : 'result.runoff.eliminated', { ...values, eliminated: round.eliminated });
        }),
        winnerLine(result.winners, result.decided, line('result.how.runoff', { ballots: result.ballots })),
      ]);
    case 'matrix':
      return all([
        line('result.matrix.weights', { weights: result.weights.map((w) => line('result.matrix.weight', { criterion: w.criterion, share: w.normalised })) }),
        ...result.ranking.map((r) =>
          line('result.matrix.option', {
            option: r.option,
            total: round2(r.total),
            contributions: r.contributions.map((c) => line('result.matrix.contribution', { criterion: c.criterion, value: round2(c.contribution) })),
          }),
        ),
        winnerLine(result.winners, result.decided, line('result.how.matrix', { ballots: result.ballots })),
      ]);
    case 'consent': {
      const head = [
        result.outcome === 'passes' ? line('result.consent.passes') : line('result.consent.blocked', { blocks: result.unansweredBlocks }),
        line('result.consent.counts', { ...result.counts }),
      ];
      const objections = withList(head, result.objections, limit, (o) => line('result.consent.objection', { reason: o.reason }));
      const blocks = withList(objections.lines, result.blocks, limit, (b) =>
        b.answer ? line('result.consent.blockAnswered', { reason: b.reason, answer: b.answer }) : line('result.consent.block', { reason: b.reason }),
      );
      return { lines: blocks.lines, more: objections.more + blocks.more };
    }
    case 'estimate': {
      const s = result.summary;
      const lines = [
        s
          ? line('result.estimate.summary', { round: result.round, median: round2(s.median), q1: round2(s.q1), q3: round2(s.q3), iqr: round2(s.iqr), n: s.n })
          : line('result.estimate.none', { round: result.round }),
      ];
      const c = result.convergence;
      if (c) lines.push(line(c.converged ? 'result.estimate.converged' : 'result.estimate.convergence', { iqr: round2(c.iqrChange), median: round2(c.medianShift) }));
      return withList(lines, result.reasons, limit, (reason) => line('result.estimate.reason', { reason }));
    }
    case 'entries': {
      const entries = result.columns.flatMap((c) => c.entries.map((e) => ({ column: c.column, e })));
      const head = [line('result.entries.total', { total: result.total, contributors: result.contributors })];
      return withList(head, entries, limit, ({ column, e }) =>
        e.count > 1 ? line('result.entries.repeated', { column, text: e.text, count: e.count }) : line('result.entries.entry', { column, text: e.text }),
      );
    }
  }
}

function winnerLine(winners: string[], decided: boolean, how: ResultLine): ResultLine {
  if (winners.length === 0) return line('result.none', { how: [how] });
  if (!decided) return line('result.tie', { names: winners.join(', '), how: [how] });
  return line('result.winner', { name: winners[0] ?? '', how: [how] });
}
