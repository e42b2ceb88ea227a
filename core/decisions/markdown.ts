import type { AttachedResult, DecisionRecord } from '../api/decisions.ts';
import type { PollResult } from '../methods/tally.ts';
import type { DecisionMessageKey } from './messages.en.ts';
import { resultLines } from './result-lines.ts';
import { lineText, translator, type DecisionLocale, type FormatMessage } from './result-text.ts';

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

  constructor(private readonly t: FormatMessage) {}

  push(...lines: string[]) {
    for (const line of lines) {
      if (this.full) return;
      if (this.size + line.length > exportLimits.characters) {
        this.full = true;
        this.out.push('', this.t('record.tooLong', {}));
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
    if (left > 0) this.push(`- ${this.t('record.more', { n: left })}`);
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

/** A file's size as the language writes it, in the app's units (1,024 bytes a kB): 820 kB, 1.4 MB (1,4 Mo). */
function fileSizeFormat(locale: DecisionLocale) {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  return (bytes: number) => {
    let step = 0;
    while (bytes >= 1024 ** (step + 1) && step < units.length - 1) step += 1;
    const value = bytes / 1024 ** step;
    return new Intl.NumberFormat(locale, { style: 'unit', unit: units[step], unitDisplay: 'short', maximumFractionDigits: step > 0 && value < 10 ? 1 : 0 }).format(value);
  };
}

/** The decision record as a Markdown document (the export), in `locale`: numbers, dates and plurals by Intl. */
export function decisionMarkdown(record: DecisionRecord, locale: DecisionLocale = 'en'): string {
  const t = translator(locale);
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const moment = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });
  const out = new Lines(t);
  const section = (title: DecisionMessageKey, body: string | null) => {
    if (body) out.push(`## ${t(title, {})}`, '', body, '');
  };
  out.push(`# ${t('record.title', { title: record.activityTitle })}`, '');
  if (record.organization) out.push(t('record.organisation', { name: record.organization }), '');
  out.push(t('record.question', { question: record.question }), '');
  if (record.idea) out.push(t('record.idea', { title: record.idea.title, status: record.idea.status }), '');
  out.push(t('record.published', { date: day.format(new Date(record.publishedAt)), name: record.publishedBy.name }), '');
  section('record.outcome', record.outcome);
  section('record.chosen', record.chosenOption);
  section('record.rationale', record.rationale);
  section('record.dissent', record.dissent);
  if (record.results.length > 0) {
    out.push(`## ${t('record.results', {})}`, '');
    let left: number = exportLimits.resultCharacters;
    for (const attached of record.results) {
      out.push(`### ${attached.question}`, '', `*${t('record.poll', { kind: attached.kind, rounds: attached.rounds })}*`, '');
      const rounds = roundsOf(attached);
      if (rounds.length === 0) out.push(`- ${t('record.noResult', {})}`, '');
      for (const round of rounds) {
        const taken = round.eligible === null ? null : t('record.tookPart', { n: round.participants, total: round.eligible });
        if (rounds.length > 1) out.push(`${t('record.round', { n: round.round })}${taken ? ` - ${taken}` : ''}:`, '');
        else if (taken) out.push(`${taken}.`, '');
        const { lines, more } = round.result
          ? resultLines(round.result as PollResult, exportLimits.resultLines)
          : { lines: [], more: 0 };
        const texts = round.result ? lines.map((line) => lineText(line, t)) : [t('record.noResult', {})];
        left -= out.list(texts, exportLimits.resultLines, (line) => line, left, more);
        out.push('');
      }
    }
  }
  if (record.actions && record.actions.length > 0) {
    out.push(`## ${t('record.actions', {})}`, '');
    out.list(record.actions, exportLimits.listed, (a) =>
      t('record.action', { title: a.title, owner: a.ownerName, date: day.format(new Date(`${a.due}T12:00:00Z`)), status: t(`record.actionStatus.${a.status}`, {}) }),
    );
    out.push('');
  }
  if (record.files && record.files.length > 0) {
    out.push(`## ${t('record.files', {})}`, '');
    const size = fileSizeFormat(locale);
    out.list(record.files, exportLimits.listed, (f) => t(f.fileId ? 'record.file' : 'record.fileRemoved', { name: f.name, size: size(f.size) }));
    out.push('');
  }
  if (record.boards && record.boards.length > 0) {
    out.push(`## ${t('record.boards', {})}`, '');
    let left: number = exportLimits.resultCharacters;
    for (const board of record.boards) {
      const words = board[locale];
      out.push(`### ${words.title}`, '');
      left -= out.list(words.lines, exportLimits.resultLines, (line) => line, left, board.more);
      out.push('');
    }
  }
  section('record.review', record.reviewDate ? t('record.reviewOn', { date: day.format(new Date(record.reviewDate)) }) : null);
  const acknowledged = record.recipients.filter((r) => r.acknowledgedAt).length;
  out.push(`## ${t('record.acknowledgements', {})}`, '', t('record.acknowledged', { n: acknowledged, total: record.recipients.length }), '');
  out.list(record.recipients, exportLimits.listed, (r) =>
    r.acknowledgedAt
      ? t('record.acknowledgedBy', { name: r.name, at: moment.format(new Date(r.acknowledgedAt)), via: r.acknowledgedVia ?? 'app' })
      : t('record.notYet', { name: r.name }),
  );
  out.push('');
  if (record.ratings.count > 0) {
    out.push(`## ${t('record.turnedOut', {})}`, '', t('record.rated', { mean: record.ratings.mean ?? 0, count: record.ratings.count }), '');
    out.list(record.ratings.comments, exportLimits.comments, (c) => c);
    out.push('');
  }
  return out.out.join('\n');
}
