import type { AttachedResult, DecisionRecord } from '../api/decisions.ts';
import type { PollResult } from '../methods/tally.ts';
import { resultLines } from './result-lines.ts';

/**
 * What one export holds at most, so that an export costs the same whatever the size of
 * the organisation: lists are cut after `listed` names, `comments` rating comments and
 * `resultLines` lines per method (all methods together within `resultCharacters`), each
 * with a line saying how many more the app shows; past `characters` the document ends
 * with a line saying so. Texts are bounded by the schemas (20,000 characters at most),
 * so a paragraph never runs far past a budget.
 */
export const exportLimits = { listed: 1_000, comments: 100, resultLines: 200, resultCharacters: 200_000, characters: 600_000 } as const;

class Lines {
  readonly out: string[] = [];
  private size = 0;
  full = false;

  push(...lines: string[]) {
    for (const line of lines) {
      if (this.full) return;
      if (this.size + line.length > exportLimits.characters) {
        this.full = true;
        this.out.push('', 'The record is longer than an export holds: the rest of it is in the app.');
        return;
      }
      this.out.push(line);
      this.size += line.length + 1;
    }
  }

  /**
   * The first `limit` of `items` as bullets (fewer if they would pass `characters`),
   * then how many more there are. Returns the characters written.
   */
  list<T>(items: readonly T[], limit: number, line: (item: T) => string, characters = Infinity, more = 0): number {
    let written = 0;
    let shown = 0;
    for (const item of items.slice(0, limit)) {
      const text = `- ${line(item)}`;
      if (written + text.length > characters) break;
      this.push(text);
      written += text.length + 1;
      shown += 1;
    }
    const left = items.length - shown + more;
    if (left > 0) this.push(`- … and ${left} more: the full list is in the app.`);
    return written;
  }
}

/**
 * Every revealed round of an attached poll; records published before rounds were kept
 * hold only the last one (with no participation counts).
 */
export function roundsOf(attached: AttachedResult): { round: number; participants: number; eligible: number | null; result: unknown }[] {
  if (attached.roundResults) return attached.roundResults;
  return attached.result ? [{ round: attached.rounds, participants: 0, eligible: null, result: attached.result }] : [];
}

/** The decision record as a Markdown document (the export). */
export function decisionMarkdown(record: DecisionRecord): string {
  const out = new Lines();
  const section = (title: string, body: string | null) => {
    if (body) out.push(`## ${title}`, '', body, '');
  };
  out.push(`# Decision: ${record.activityTitle}`, '');
  if (record.organization) out.push(`**Organisation:** ${record.organization}`, '');
  out.push(`**Question:** ${record.question}`, '');
  out.push(`Published ${record.publishedAt.slice(0, 10)} by ${record.publishedBy.name}.`, '');
  section('Outcome', record.outcome);
  section('Chosen option', record.chosenOption);
  section('Rationale', record.rationale);
  section('Dissent (minority view)', record.dissent);
  if (record.results.length > 0) {
    out.push('## Method results', '');
    let left: number = exportLimits.resultCharacters;
    for (const attached of record.results) {
      out.push(`### ${attached.question}`, '', `*${attached.kind}, ${attached.rounds} round(s)*`, '');
      const rounds = roundsOf(attached);
      if (rounds.length === 0) out.push('- No revealed result.', '');
      for (const round of rounds) {
        const taken = round.eligible === null ? null : `${round.participants} of ${round.eligible} took part`;
        if (rounds.length > 1) out.push(`Round ${round.round}${taken ? ` - ${taken}` : ''}:`, '');
        else if (taken) out.push(`${taken}.`, '');
        const { lines, more } = round.result
          ? resultLines(round.result as PollResult, exportLimits.resultLines)
          : { lines: ['No revealed result.'], more: 0 };
        left -= out.list(lines, exportLimits.resultLines, (line) => line, left, more);
        out.push('');
      }
    }
  }
  section('Review', record.reviewDate ? `To be reviewed on ${record.reviewDate.slice(0, 10)}.` : null);
  const acknowledged = record.recipients.filter((r) => r.acknowledgedAt).length;
  out.push(`## Acknowledgements`, '', `${acknowledged} of ${record.recipients.length} member(s) acknowledged.`, '');
  out.list(record.recipients, exportLimits.listed, (r) =>
    `${r.name}: ${r.acknowledgedAt ? `acknowledged ${r.acknowledgedAt.slice(0, 16).replace('T', ' ')} (${r.acknowledgedVia})` : 'not yet'}`,
  );
  out.push('');
  if (record.ratings.count > 0) {
    out.push('## How it turned out', '', `Rated ${record.ratings.mean?.toFixed(1)} / 5 by ${record.ratings.count} member(s).`, '');
    out.list(record.ratings.comments, exportLimits.comments, (c) => c);
    out.push('');
  }
  return out.out.join('\n');
}
