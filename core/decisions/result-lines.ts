import type { PollResult } from '../methods/tally.ts';

const number = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(2));
const percent = (x: number) => `${Math.round(x * 100)} %`;

/**
 * A method's result as plain lines of text, for the record's exports (Markdown, PDF):
 * at most `limit` lines, and how many more there would be. Lines built from what
 * people wrote (reasons, objections, entries) are built only up to the limit, so a
 * round of 20,000 reasons costs `limit` lines, not 20,000.
 */
export function resultLines(result: PollResult, limit = Infinity): { lines: string[]; more: number } {
  const all = linesOf(result, limit);
  return { lines: all.lines.slice(0, limit), more: all.more + Math.max(0, all.lines.length - limit) };
}

/** `head`, then `items` as lines while the limit allows, and how many were left out. */
function withList<T>(head: string[], items: readonly T[], limit: number, line: (item: T) => string) {
  const room = Math.max(0, limit - head.length);
  return { lines: [...head, ...items.slice(0, room).map(line)], more: Math.max(0, items.length - room) };
}

function linesOf(result: PollResult, limit: number): { lines: string[]; more: number } {
  const all = (lines: string[]) => ({ lines, more: 0 });
  switch (result.kind) {
    case 'single':
      return all([
        ...result.counts.map((c) => `${c.option}: ${c.votes} vote(s), ${percent(c.share)}`),
        winnerLine(result.winners, result.decided, `${result.rule}, ${result.total} vote(s)`),
      ]);
    case 'dots':
      return all([
        ...result.ranking.map((t) => `${t.option}: ${t.dots} dot(s) from ${t.supporters} person(s)`),
        winnerLine(result.winners, result.decided, `${result.voters} voter(s)`),
      ]);
    case 'ranking':
      if (result.rule === 'borda') {
        return all([
          ...result.ranking.map((t) => `${t.option}: ${t.points} point(s), ranked first ${t.firsts} time(s)`),
          winnerLine(result.winners, result.decided, `Borda count, ${result.ballots} ballot(s)`),
        ]);
      }
      return all([
        ...result.rounds.map((round, i) => {
          const votes = Object.entries(round.votes).map(([o, n]) => `${o} ${n}`).join(', ');
          const out = round.eliminated ? `; ${round.eliminated} eliminated${round.tieBrokenByOrder ? ' (tie broken by listed order)' : ''}` : '';
          return `Round ${i + 1}: ${votes}; ${round.exhausted} exhausted${out}`;
        }),
        winnerLine(result.winners, result.decided, `instant-runoff, ${result.ballots} ballot(s)`),
      ]);
    case 'matrix':
      return all([
        `Weights: ${result.weights.map((w) => `${w.criterion} ${percent(w.normalised)}`).join(', ')}`,
        ...result.ranking.map(
          (r) => `${r.option}: ${number(r.total)} (${r.contributions.map((c) => `${c.criterion} ${number(c.contribution)}`).join(', ')})`,
        ),
        winnerLine(result.winners, result.decided, `weighted matrix, ${result.ballots} scorer(s)`),
      ]);
    case 'consent': {
      const head = [
        `Outcome: ${result.outcome === 'passes' ? 'the proposal passes' : `blocked (${result.unansweredBlocks} block(s) unanswered)`}`,
        `Agree ${result.counts.agree}, abstain ${result.counts.abstain}, object ${result.counts.object}, block ${result.counts.block}`,
      ];
      const objections = withList(head, result.objections, limit, (o) => `Objection: ${o.reason}`);
      const blocks = withList(objections.lines, result.blocks, limit, (b) => `Block: ${b.reason}${b.answer ? ` - answered: ${b.answer}` : ' - unanswered'}`);
      return { lines: blocks.lines, more: objections.more + blocks.more };
    }
    case 'estimate': {
      const s = result.summary;
      const lines = [
        s
          ? `Round ${result.round}: median ${number(s.median)}, interquartile range ${number(s.q1)}-${number(s.q3)} (IQR ${number(s.iqr)}), ${s.n} estimate(s)`
          : `Round ${result.round}: no estimates`,
      ];
      if (result.convergence) {
        const c = result.convergence;
        lines.push(`Against the previous round: IQR ${c.iqrChange <= 0 ? '' : '+'}${number(c.iqrChange)}, median ${c.medianShift >= 0 ? '+' : ''}${number(c.medianShift)}${c.converged ? ' (converged)' : ''}`);
      }
      return withList(lines, result.reasons, limit, (r) => `Reason: ${r}`);
    }
    case 'entries': {
      const entries = result.columns.flatMap((c) => c.entries.map((e) => ({ column: c.column, e })));
      const head = [`${result.total} entr${result.total === 1 ? 'y' : 'ies'} from ${result.contributors} person(s)`];
      return withList(head, entries, limit, ({ column, e }) => `${column}: ${e.text}${e.count > 1 ? ` (x${e.count})` : ''}`);
    }
  }
}

function winnerLine(winners: string[], decided: boolean, how: string): string {
  if (winners.length === 0) return `No result (${how}).`;
  if (!decided) return `Tie or no majority between ${winners.join(', ')} (${how}).`;
  return `Result: ${winners[0]} (${how}).`;
}
