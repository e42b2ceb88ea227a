import { useState } from 'react';
import { defineFigure } from '../actions/figures.ts';
import { FormError, TextField } from '../components/Field.tsx';
import { hrefOf } from '../state/use-route.ts';
import { useSignedIn } from '../state/use-session.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useSubmit } from '../components/use-submit.ts';

/** "CA veille", EUR, two decimals: a figure is defined in one form. */
export function DefineFigureForm() {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const [form, setForm] = useState({ label: '', unit: 'EUR', decimals: 2, smsLabel: '' });
  const submission = useSubmit();
  const submit = submission.onSubmit(async () => {
    const { id } = await defineFigure(api, form);
    window.location.hash = hrefOf({ name: 'figure', id });
  });
  return (
    <form className="card figure-form" onSubmit={submit} aria-label={t('figures.define')}>
      <h2>{t('figures.define')}</h2>
      <TextField label={t('figures.label')} value={form.label} required maxLength={60} onChange={(e) => setForm({ ...form, label: e.target.value })} error={submission.field('label')} />
      <TextField label={t('figures.unit')} hint={t('figures.unitHint')} value={form.unit} maxLength={16} onChange={(e) => setForm({ ...form, unit: e.target.value })} />
      <TextField label={t('figures.decimals')} type="number" min={0} max={4} value={form.decimals} onChange={(e) => setForm({ ...form, decimals: Number(e.target.value) })} />
      <TextField label={t('figures.smsLabel')} value={form.smsLabel} maxLength={30} onChange={(e) => setForm({ ...form, smsLabel: e.target.value })} />
      <FormError message={submission.message} />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={submission.busy || form.label.trim() === ''}>
          {t('figures.create')}
        </button>
      </div>
    </form>
  );
}
