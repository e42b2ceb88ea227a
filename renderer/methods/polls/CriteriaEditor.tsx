import { defaultScale } from '#core/methods/tally';
import { useI18n } from '../../i18n/index.tsx';
import type { CriterionRow } from './poll-form.ts';

/** The weighted matrix's criteria, each with its weight typed as a number beside it. */
export function CriteriaEditor({ rows, onChange, error }: { rows: CriterionRow[]; onChange(rows: CriterionRow[]): void; error: string | undefined }) {
  const { t } = useI18n();
  const set = (i: number, patch: Partial<CriterionRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="field criteria-editor" aria-describedby="criteria-note">
      <legend>{t('polls.criteria')}</legend>
      <p id="criteria-note" className="field-hint">{t('polls.criteriaHint', { min: defaultScale.min, max: defaultScale.max })}</p>
      {rows.map((row, i) => (
        <div key={i} className="criterion-row">
          <input aria-label={t('polls.criterionLabel', { n: i + 1 })} value={row.label} maxLength={120} onChange={(e) => set(i, { label: e.target.value })} />
          <input
            aria-label={t('polls.criterionWeight', { n: i + 1 })}
            className="weight"
            type="number"
            inputMode="decimal"
            min={0}
            max={1000}
            step="any"
            value={row.weight}
            onChange={(e) => set(i, { weight: e.target.value })}
          />
          {rows.length > 1 && (
            <button type="button" className="button ghost small" onClick={() => onChange(rows.filter((_, j) => j !== i))} aria-label={t('polls.criterionRemove', { n: i + 1 })}>
              ×
            </button>
          )}
        </div>
      ))}
      <button type="button" className="button ghost small" onClick={() => onChange([...rows, { label: '', weight: '1' }])}>{t('polls.criterionAdd')}</button>
      {error && <p className="field-error" role="alert">{error}</p>}
    </fieldset>
  );
}
