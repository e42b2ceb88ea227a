import { useState } from 'react';
import type { Figure } from '#core/api/figures';
import { saveDay, type DayForm } from '../actions/figures.ts';
import { FormError, TextField } from '../components/Field.tsx';
import { useFigureFormat } from '../state/use-figures.ts';
import { useSignedIn } from '../state/use-session.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useSubmit } from '../components/use-submit.ts';

/** A day's value with its forecast and last year's; typed French or English style. */
export function ValueForm({ figure, defaultDate, onSaved }: { figure: Figure; defaultDate: string; onSaved(): void }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const format = useFigureFormat();
  const [form, setForm] = useState<DayForm>({ date: defaultDate, value: '', forecast: '', lastYear: '' });
  const submission = useSubmit();
  const [saved, setSaved] = useState<string | null>(null);
  const set = (field: keyof DayForm) => (e: { target: { value: string } }) => setForm({ ...form, [field]: e.target.value });
  const submit = submission.onSubmit(async () => {
    setSaved(null);
    const v = await saveDay(api, figure.id, form);
    setSaved(t('figures.saved', { value: format.value(figure, v.value), vsForecast: format.percent(v.vsForecast), vsLastYear: format.percent(v.vsLastYear) }));
    onSaved();
  });
  const errorOf = (field: keyof DayForm) => submission.field(field);
  return (
    <form className="card value-form" onSubmit={submit} aria-label={t('figures.values')}>
      <h2>{t('figures.values')}</h2>
      <TextField label={t('figures.date')} type="date" value={form.date} onChange={set('date')} error={errorOf('date')} />
      <TextField label={`${t('figures.value')} (${figure.unit})`} inputMode="decimal" value={form.value} onChange={set('value')} error={errorOf('value')} />
      <TextField label={t('figures.forecast')} inputMode="decimal" value={form.forecast} onChange={set('forecast')} error={errorOf('forecast')} />
      <TextField label={t('figures.lastYear')} inputMode="decimal" value={form.lastYear} onChange={set('lastYear')} error={errorOf('lastYear')} />
      <FormError message={submission.message} />
      {saved && <p className="notice" role="status">{saved}</p>}
      <button type="submit" className="button primary" disabled={submission.busy}>
        {t('figures.save')}
      </button>
    </form>
  );
}
