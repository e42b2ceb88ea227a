import type { CreatePollRequest } from '#core/api/polls';

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
  criteria: string;
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

/** "Cost: 3" → {label: "Cost", weight: 3}; a line without a weight weighs 1. */
export function parseCriteria(text: string) {
  return lines(text).map((line) => {
    const m = /^(.*?)\s*:\s*(-?\d+(?:[.,]\d+)?)$/.exec(line);
    return m ? { label: m[1] ?? line, weight: Number((m[2] ?? '1').replace(',', '.')) } : { label: line, weight: 1 };
  });
}

/**
 * The request the form stands for. Nothing is checked here beyond shapes: the relay
 * judges the question gate and says which field is wrong.
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
      return { ...common, kind: 'matrix', options: lines(form.options), criteria: parseCriteria(form.criteria), rule: 'weighted-sum' };
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
  deadline: '',
  anonymous: false,
  dotsPerPerson: '3',
  criteria: '',
  proposal: '',
  quantity: '',
  unit: '',
});
