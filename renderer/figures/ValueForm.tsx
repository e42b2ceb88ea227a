import { useState, type FormEvent } from 'react';
import type { Figure } from '#core/api/figures';
import { ApiError } from '../api/client.ts';
import { saveDay, type DayForm, type DayFormError } from '../actions/figures.ts';
import { FormError, TextField } from '../components/Field.tsx';
import { useFigureFormat } from '../state/use-figures.ts';
import { useSignedIn } from '../state/use-session.tsx';
import { useI18n } from '../i18n/index.tsx';

/** A day's value with its forecast and last year's; typed French or English style. */
export function ValueForm({ figure, defaultDate, onSaved }: { figure: Figure; defaultDate: string; onSaved(): void }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const format = useFigureFormat();
  const [form, setForm] = useState<DayForm>({ date: defaultDate, value: '', forecast: '', lastYear: '' });
  const [fieldError, setFieldError] = useState<DayFormError | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const set = (field: keyof DayForm) => (e: { target: { value: string } }) => setForm({ ...form, [field]: e.target.value });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFieldError(null);
    setError(null);
    setSaved(null);
    try {
      const v = await saveDay(api, figure.id, form);
      setSaved(t('figures.saved', { value: format.value(figure, v.value), vsForecast: format.percent(v.vsForecast), vsLastYear: format.percent(v.vsLastYear) }));
      onSaved();
    } catch (err) {
      if (err instanceof ApiError) setError(err.message);
      else if (typeof err === 'object' && err !== null && 'field' in err) setFieldError(err as DayFormError);
      else setError(String(err));
    }
  };
  const errorOf = (field: keyof DayForm) => (fieldError?.field === field ? fieldError.message : undefined);
  return (
    <form className="card value-form" onSubmit={(e) => void submit(e)} aria-label={t('figures.values')}>
      <h2>{t('figures.values')}</h2>
      <TextField label={t('figures.date')} type="date" value={form.date} onChange={set('date')} error={errorOf('date')} />
      <TextField label={`${t('figures.value')} (${figure.unit})`} inputMode="decimal" value={form.value} onChange={set('value')} error={errorOf('value')} />
      <TextField label={t('figures.forecast')} inputMode="decimal" value={form.forecast} onChange={set('forecast')} error={errorOf('forecast')} />
      <TextField label={t('figures.lastYear')} inputMode="decimal" value={form.lastYear} onChange={set('lastYear')} error={errorOf('lastYear')} />
      <FormError message={error} />
      {saved && <p className="notice" role="status">{saved}</p>}
      <button type="submit" className="button primary">
        {t('figures.save')}
      </button>
    </form>
  );
}
