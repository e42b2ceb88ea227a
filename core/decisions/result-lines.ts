import type { PollResult } from '../methods/tally.ts';

const number = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(2));
const percent = (x: number) => `${Math.round(x * 100)} %`;

/** A method's result as plain lines of text, for the record's exports (Markdown, PDF). */
export function resultLines(result: PollResult): string[] {
  switch (result.kind) {
    case 'single':
      return [
        ...result.counts.map((c) => `${c.option}: ${c.votes} vote(s), ${percent(c.share)}`),
        winnerLine(result.winners, result.decided, `${result.rule}, ${result.total} vote(s)`),
      ];
    case 'dots':
      return [
        ...result.ranking.map((t) => `${t.option}: ${t.dots} dot(s) from ${t.supporters} person(s)`),
        winnerLine(result.winners, result.decided, `${result.voters} voter(s)`),
      ];
    case 'ranking':
      if (result.rule === 'borda') {
        return [
          ...result.ranking.map((t) => `${t.option}: ${t.points} point(s), ranked first ${t.firsts} time(s)`),
          winnerLine(result.winners, result.decided, `Borda count, ${result.ballots} ballot(s)`),
        ];
      }
      return [
        ...result.rounds.map((round, i) => {
          const votes = Object.entries(round.votes).map(([o, n]) => `${o} ${n}`).join(', ');
          const out = round.eliminated ? `; ${round.eliminated} eliminated${round.tieBrokenByOrder ? ' (tie broken by listed order)' : ''}` : '';
          return `Round ${i + 1}: ${votes}; ${round.exhausted} exhausted${out}`;
        }),
        winnerLine(result.winners, result.decided, `instant-runoff, ${result.ballots} ballot(s)`),
      ];
    case 'matrix':
      return [
        `Weights: ${result.weights.map((w) => `${w.criterion} ${percent(w.normalised)}`).join(', ')}`,
        ...result.ranking.map(
          (r) => `${r.option}: ${number(r.total)} (${r.contributions.map((c) => `${c.criterion} ${number(c.contribution)}`).join(', ')})`,
        ),
        winnerLine(result.winners, result.decided, `weighted matrix, ${result.ballots} scorer(s)`),
      ];
    case 'consent':
      return [
        `Outcome: ${result.outcome === 'passes' ? 'the proposal passes' : `blocked (${result.unansweredBlocks} block(s) unanswered)`}`,
        `Agree ${result.counts.agree}, abstain ${result.counts.abstain}, object ${result.counts.object}, block ${result.counts.block}`,
        ...result.objections.map((o) => `Objection: ${o.reason}`),
        ...result.blocks.map((b) => `Block: ${b.reason}${b.answer ? ` - answered: ${b.answer}` : ' - unanswered'}`),
      ];
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
      return [...lines, ...result.reasons.map((r) => `Reason: ${r}`)];
    }
    case 'entries':
      return [
        `${result.total} entr${result.total === 1 ? 'y' : 'ies'} from ${result.contributors} person(s)`,
        ...result.columns.flatMap((c) => c.entries.map((e) => `${c.column}: ${e.text}${e.count > 1 ? ` (x${e.count})` : ''}`)),
      ];
  }
}

function winnerLine(winners: string[], decided: boolean, how: string): string {
  if (winners.length === 0) return `No result (${how}).`;
  if (!decided) return `Tie or no majority between ${winners.join(', ')} (${how}).`;
  return `Result: ${winners[0]} (${how}).`;
}
