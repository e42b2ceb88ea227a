import { useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import type { Author } from '#core/doc/author';
import { CostSide, Currency, Recurrence, toMinorUnits, type CostBenefitOption } from '#core/methods/cost-benefit';
import { useI18n } from '../../i18n/index.tsx';
import { addCostBenefitLine } from './actions.ts';

/** A cost or benefit of one option: label, amount and currency, probability, how often. */
export function AddLineForm({ doc, boardId, option, actor }: { doc: Y.Doc; boardId: string; option: CostBenefitOption; actor: Author }) {
  const { t } = useI18n();
  const [form, setForm] = useState({ side: 'cost' as CostSide, label: '', amount: '', currency: 'EUR', probability: '100', recurrence: 'once' as Recurrence });
  const [problem, setProblem] = useState<string | null>(null);
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  function submit(e: FormEvent) {
    e.preventDefault();
    const currency = form.currency.trim().toUpperCase();
    if (!Currency.safeParse(currency).success) return setProblem(t('costBenefit.badCurrency'));
    const amount = toMinorUnits(form.amount, currency);
    if (amount === null) return setProblem(t('costBenefit.badAmount'));
    const probability = Number(form.probability);
    if (!Number.isInteger(probability) || probability < 0 || probability > 100) return setProblem(t('costBenefit.badProbability'));
    if (!form.label.trim()) return setProblem(t('costBenefit.badLabel'));
    addCostBenefitLine(doc, boardId, actor, { optionId: option.id, side: form.side, label: form.label, amount, currency, probability, recurrence: form.recurrence });
    setProblem(null);
    setForm({ ...form, label: '', amount: '' });
  }

  const of = (what: string) => t('costBenefit.fieldOf', { field: what, option: option.label });
  return (
    <form className="cost-line-form" onSubmit={submit} noValidate>
      <select value={form.side} onChange={set('side')} aria-label={of(t('costBenefit.side'))}>
        {CostSide.options.map((s) => <option key={s} value={s}>{t(`costBenefit.${s}`)}</option>)}
      </select>
      <input value={form.label} onChange={set('label')} aria-label={of(t('costBenefit.label'))} placeholder={t('costBenefit.label')} maxLength={200} />
      <input value={form.amount} onChange={set('amount')} aria-label={of(t('costBenefit.amount'))} placeholder={t('costBenefit.amount')} inputMode="decimal" />
      <input value={form.currency} onChange={set('currency')} aria-label={of(t('costBenefit.currency'))} maxLength={3} className="currency" />
      <input type="number" min={0} max={100} value={form.probability} onChange={set('probability')} aria-label={of(t('costBenefit.probability'))} className="probability" />
      <select value={form.recurrence} onChange={set('recurrence')} aria-label={of(t('costBenefit.recurrence'))}>
        {Recurrence.options.map((r) => <option key={r} value={r}>{t(`costBenefit.${r}`)}</option>)}
      </select>
      <button type="submit" className="button small">{t('costBenefit.addLine')}</button>
      {problem && <p role="alert" className="field-error">{problem}</p>}
    </form>
  );
}
