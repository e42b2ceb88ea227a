import type { CreatePollRequest } from '#core/api/polls';
import { FieldIssue } from '../../actions/field-issue.ts';

/** What the facilitator types in the new-poll form, as text. */
export interface PollForm {
  kind: 'single' | 'dots' | 'ranking' | 'matrix' | 'consent' | 'estimate';
  question: string;
  options: string;
  rule: string;
  /** From an `<input type="datetime-local">`: local time without a zone. */
  deadline: string;
  anonymous: boolean;
  dotsPerPerson: string;
  /** Each criterion with its weight as typed (a number, checked before sending). */
  criteria: CriterionRow[];
  proposal: string;
  quantity: string;
  unit: string;
}

export const rulesOf: Record<PollForm['kind'], string[]> = {
  single: ['plurality', 'majority'],
  dots: ['most-dots'],
  ranking: ['borda', 'instant-runoff'],
  matrix: ['weighted-sum'],
  consent: ['consent'],
  estimate: ['median'],
};

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

export interface CriterionRow {
  label: string;
  weight: string;
}

/**
 * The criteria as the relay takes them: rows left blank are dropped; a weight must be a
 * number (a comma for decimals is fine), never guessed — "beaucoup" is refused, not
 * silently counted as 1.
 */
export function criteriaOf(rows: readonly CriterionRow[]) {
  return rows
    .filter((r) => r.label.trim() !== '' || r.weight.trim() !== '')
    .map((r) => {
      const weight = Number(r.weight.trim().replace(',', '.'));
      if (r.weight.trim() === '' || !Number.isFinite(weight) || weight < 0) throw new FieldIssue('criteria', 'polls.weightNumber');
      return { label: r.label.trim(), weight };
    });
}

/** The deadline a new poll or round starts with: a week from now, on the hour, as `datetime-local` wants it. */
export function defaultDeadline(now = new Date()): string {
  const at = new Date(now.getTime() + 7 * 86_400_000);
  at.setMinutes(0, 0, 0);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:00`;
}

/**
 * The request the form stands for. Nothing is checked here beyond shapes and typed
 * numbers: the relay judges the question gate and says which field is wrong.
 */
export function pollRequest(form: PollForm): CreatePollRequest {
  const deadline = form.deadline ? new Date(form.deadline).toISOString() : '';
  const common = { question: form.question, deadline, ...(form.anonymous ? { anonymous: true } : {}) };
  switch (form.kind) {
    case 'single':
      return { ...common, kind: 'single', options: lines(form.options), rule: form.rule === 'majority' ? 'majority' : 'plurality' };
    case 'dots':
      return { ...common, kind: 'dots', options: lines(form.options), rule: 'most-dots', dotsPerPerson: Number(form.dotsPerPerson) || 0 };
    case 'ranking':
      return { ...common, kind: 'ranking', options: lines(form.options), rule: form.rule === 'borda' ? 'borda' : 'instant-runoff' };
    case 'matrix':
      return { ...common, kind: 'matrix', options: lines(form.options), criteria: criteriaOf(form.criteria), rule: 'weighted-sum' };
    case 'consent':
      return { ...common, kind: 'consent', proposal: form.proposal, rule: 'consent' };
    case 'estimate':
      return { ...common, kind: 'estimate', quantity: form.quantity, ...(form.unit.trim() ? { unit: form.unit } : {}), rule: 'median' };
  }
}

export const emptyPollForm = (question: string): PollForm => ({
  kind: 'single',
  question,
  options: '',
  rule: 'plurality',
  deadline: defaultDeadline(),
  anonymous: false,
  dotsPerPerson: '3',
  criteria: [
    { label: '', weight: '1' },
    { label: '', weight: '1' },
  ],
  proposal: '',
  quantity: '',
  unit: '',
});
