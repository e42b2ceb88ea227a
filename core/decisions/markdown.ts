import type { DecisionRecord } from '../api/decisions.ts';
import type { PollResult } from '../methods/tally.ts';
import { resultLines } from './result-lines.ts';

/** The decision record as a Markdown document (the export). */
export function decisionMarkdown(record: DecisionRecord): string {
  const out: string[] = [];
  const section = (title: string, body: string | null) => {
    if (body) out.push(`## ${title}`, '', body, '');
  };
  out.push(`# Decision: ${record.activityTitle}`, '', `**Question:** ${record.question}`, '');
  out.push(`Published ${record.publishedAt.slice(0, 10)} by ${record.publishedBy.name}.`, '');
  section('Outcome', record.outcome);
  section('Chosen option', record.chosenOption);
  section('Rationale', record.rationale);
  section('Dissent (minority view)', record.dissent);
  if (record.results.length > 0) {
    out.push('## Method results', '');
    for (const attached of record.results) {
      out.push(`### ${attached.question}`, '', `*${attached.kind}, ${attached.rounds} round(s)*`, '');
      const lines = attached.result ? resultLines(attached.result as PollResult) : ['No revealed result.'];
      for (const line of lines) out.push(`- ${line}`);
      out.push('');
    }
  }
  section('Review', record.reviewDate ? `To be reviewed on ${record.reviewDate.slice(0, 10)}.` : null);
  const acknowledged = record.recipients.filter((r) => r.acknowledgedAt);
  out.push(`## Acknowledgements`, '', `${acknowledged.length} of ${record.recipients.length} member(s) acknowledged.`, '');
  for (const r of record.recipients) {
    out.push(`- ${r.name}: ${r.acknowledgedAt ? `acknowledged ${r.acknowledgedAt.slice(0, 16).replace('T', ' ')} (${r.acknowledgedVia})` : 'not yet'}`);
  }
  out.push('');
  if (record.ratings.count > 0) {
    out.push('## How it turned out', '', `Rated ${record.ratings.mean?.toFixed(1)} / 5 by ${record.ratings.count} member(s).`, '');
    for (const c of record.ratings.comments) out.push(`- ${c}`);
    out.push('');
  }
  return out.join('\n');
}
