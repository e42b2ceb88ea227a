import { useEffect, useState } from 'react';
import { saveSmsSettings, type SettingsForm } from '../actions/sms.ts';
import { TextField, FormError } from '../components/Field.tsx';
import { useSmsFormat } from './use-sms-format.ts';
import { useSignedIn } from '../state/use-session.tsx';
import { useProviderStatus, useSmsSettings } from '../state/use-sms.ts';
import { detailText, providerText } from './relay-words.ts';
import { useI18n } from '../i18n/index.tsx';
import { SenderAccountForm } from './SenderAccountForm.tsx';
import { useSubmit } from '../components/use-submit.ts';

/** Whether the provider is connected (SMPP: bound), the organisation's price, budget and quiet hours, its sender and account. */
export function ProviderPanel() {
  const { t } = useI18n();
  const format = useSmsFormat();
  const status = useProviderStatus();
  const settings = useSmsSettings();
  const s = status.data;
  return (
    <section className="panel" aria-labelledby="provider-title">
      <h2 id="provider-title">{t('sms.provider')}</h2>
      {s && (
        <div className={`provider-status ${s.connected ? 'up' : 'down'}`} role="status">
          <strong>
            {providerText(s.provider, t)} — {s.connected ? t('sms.provider.bound') : t('sms.provider.down')}
          </strong>
          {s.since && <span className="muted small"> {t('sms.provider.since', { when: format.when(s.since) })}</span>}
          <p className="small">{detailText(s.detail, t, format.when)}</p>
          <p className="small">{t('sms.provider.window', { inFlight: s.inFlight, window: s.window })}</p>
          {s.throttledUntil && <p className="small">{t('sms.provider.throttled', { when: format.when(s.throttledUntil) })}</p>}
        </div>
      )}
      <BudgetForm />
      {settings.data && (
        <SenderAccountForm
          data={settings.data}
          onSaved={() => {
            settings.reload();
            status.reload();
          }}
        />
      )}
    </section>
  );
}

function BudgetForm() {
  const { t } = useI18n();
  const format = useSmsFormat();
  const { api } = useSignedIn();
  const settings = useSmsSettings();
  const [form, setForm] = useState<SettingsForm | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const submission = useSubmit();
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
  const save = submission.onSubmit(async () => {
    setMessage(null);
    await saveSmsSettings(api, form);
    setMessage(t('sms.saved'));
    settings.reload();
  });
  return (
    <form className="sms-budget" onSubmit={save} aria-labelledby="budget-title">
      <h3 id="budget-title">{t('sms.budget')}</h3>
      <p role="status">
        {t('sms.spent', {
          month: data.month,
          spent: format.money(data.spentMicros, data.currency),
          budget: data.monthlyBudgetMicros === null ? t('sms.unlimited') : format.money(data.monthlyBudgetMicros, data.currency),
        })}
      </p>
      <TextField label={t('sms.price')} inputMode="decimal" {...field('price')} error={submission.field('price')} />
      <TextField label={t('sms.monthly')} inputMode="decimal" {...field('budget')} error={submission.field('budget')} />
      <div className="quiet-hours">
        <TextField label={t('sms.quietStart')} type="time" {...field('quietStart')} error={submission.field('quietStart')} />
        <TextField label={t('sms.quietEnd')} type="time" {...field('quietEnd')} error={submission.field('quietEnd')} />
        <TextField label={t('sms.timeZone')} {...field('timeZone')} error={submission.field('timeZone')} />
      </div>
      <FormError message={submission.message} />
      {message && <p role="status">{message}</p>}
      <button type="submit" className="button" disabled={submission.busy}>
        {t('sms.save')}
      </button>
    </form>
  );
}
