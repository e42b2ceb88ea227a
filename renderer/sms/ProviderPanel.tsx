import { useEffect, useState } from 'react';
import { saveSmsSettings, type SettingsForm } from '../actions/sms.ts';
import { TextField, FormError } from '../components/Field.tsx';
import { useSmsFormat, useSmsText } from '../i18n/sms.ts';
import { useSignedIn } from '../state/use-session.tsx';
import { useProviderStatus, useSmsSettings } from '../state/use-sms.ts';

/** Whether the provider is connected (SMPP: bound), and the organisation's price, budget and quiet hours. */
export function ProviderPanel() {
  const t = useSmsText();
  const format = useSmsFormat();
  const status = useProviderStatus();
  const s = status.data;
  return (
    <section className="panel" aria-labelledby="provider-title">
      <h2 id="provider-title">{t('provider')}</h2>
      {s && (
        <div className={`provider-status ${s.connected ? 'up' : 'down'}`} role="status">
          <strong>
            {s.provider} — {s.connected ? t('provider.bound') : t('provider.down')}
          </strong>
          {s.since && <span className="muted small"> {t('provider.since', { when: format.when(s.since) })}</span>}
          <p className="small">{s.detail}</p>
          <p className="small">{t('provider.window', { inFlight: s.inFlight, window: s.window })}</p>
          {s.throttledUntil && <p className="small">{t('provider.throttled', { when: format.when(s.throttledUntil) })}</p>}
        </div>
      )}
      <BudgetForm />
    </section>
  );
}

function BudgetForm() {
  const t = useSmsText();
  const format = useSmsFormat();
  const { api } = useSignedIn();
  const settings = useSmsSettings();
  const [form, setForm] = useState<SettingsForm | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const data = settings.data;
  useEffect(() => {
    if (!data) return;
    setForm({
      price: String(data.pricePerSegmentMicros / 1_000_000),
      budget: data.monthlyBudgetMicros === null ? '' : String(data.monthlyBudgetMicros / 1_000_000),
      quietStart: data.quietStart,
      quietEnd: data.quietEnd,
      timeZone: data.timeZone,
    });
  }, [data]);
  if (!form || !data) return null;
  const field = (key: keyof SettingsForm) => ({
    value: form[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [key]: e.target.value }),
  });
  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    setMessage(null);
    try {
      await saveSmsSettings(api, form);
      setMessage(t('saved'));
      settings.reload();
    } catch (err) {
      const m = err instanceof Error ? err.message : String(err);
      setError(m === 'price' ? t('bad.price') : m === 'budget' ? t('bad.budget') : m);
    }
  };
  return (
    <form className="sms-budget" onSubmit={(e) => void save(e)} aria-labelledby="budget-title">
      <h3 id="budget-title">{t('budget')}</h3>
      <p role="status">
        {t('spent', {
          month: data.month,
          spent: format.money(data.spentMicros, data.currency),
          budget: data.monthlyBudgetMicros === null ? t('unlimited') : format.money(data.monthlyBudgetMicros, data.currency),
        })}
      </p>
      <TextField label={t('price')} inputMode="decimal" {...field('price')} />
      <TextField label={t('monthly')} inputMode="decimal" {...field('budget')} />
      <div className="quiet-hours">
        <TextField label={t('quietStart')} type="time" {...field('quietStart')} />
        <TextField label={t('quietEnd')} type="time" {...field('quietEnd')} />
        <TextField label={t('timeZone')} {...field('timeZone')} />
      </div>
      <FormError message={error} />
      {message && <p role="status">{message}</p>}
      <button type="submit" className="button">
        {t('save')}
      </button>
    </form>
  );
}
