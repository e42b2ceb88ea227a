import { useEffect, useState } from 'react';
import type { SmsSettingsView } from '#core/api/sms';
import { saveSenderAccount, type SenderAccountForm as Form } from '../actions/sms.ts';
import { FormError, TextField } from '../components/Field.tsx';
import { useSubmit } from '../components/use-submit.ts';
import { useI18n } from '../i18n/index.tsx';
import { useSignedIn } from '../state/use-session.tsx';

function formOf(data: SmsSettingsView): Form {
  const a = data.account;
  return {
    sender: data.sender ?? '',
    provider: a?.provider ?? 'relay',
    host: a?.provider === 'smpp' ? a.host : '',
    port: a?.provider === 'smpp' ? String(a.port) : '2775',
    systemId: a?.provider === 'smpp' ? a.systemId : '',
    accountSid: a?.provider === 'twilio' ? a.accountSid : '',
    secret: '',
  };
}

/**
 * The organisation's own sender and, optionally, its own provider account (README "SMS
 * across organisations"). The password or token is typed, never shown: "set" says one is stored.
 */
export function SenderAccountForm({ data, onSaved }: { data: SmsSettingsView; onSaved: () => void }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const [form, setForm] = useState<Form>(() => formOf(data));
  const [message, setMessage] = useState<string | null>(null);
  const submission = useSubmit();
  useEffect(() => setForm(formOf(data)), [data]);
  const field = (key: keyof Form) => ({
    value: form[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setForm({ ...form, [key]: e.target.value }),
    error: submission.field(key),
  });
  const secretSet = data.account?.provider === 'smpp' ? data.account.passwordSet : data.account?.provider === 'twilio' ? data.account.authTokenSet : false;
  const keeps = secretSet && data.account?.provider === form.provider;
  const save = submission.onSubmit(async () => {
    setMessage(null);
    await saveSenderAccount(api, form);
    setMessage(t('sms.saved'));
    onSaved();
  });
  return (
    <form className="sms-sender" onSubmit={save} aria-labelledby="sender-title">
      <h3 id="sender-title">{t('sms.sender.title')}</h3>
      <TextField label={t('sms.sender')} hint={t('sms.sender.hint', { sender: data.defaultSender })} placeholder={data.defaultSender} {...field('sender')} />
      <div className="field">
        <label htmlFor="sms-account-kind">{t('sms.account')}</label>
        <select id="sms-account-kind" value={form.provider} onChange={(e) => setForm({ ...form, provider: e.target.value as Form['provider'], secret: '' })}>
          <option value="relay">{t('sms.account.relay')}</option>
          <option value="smpp">{t('sms.account.smpp')}</option>
          <option value="twilio">{t('sms.account.twilio')}</option>
        </select>
      </div>
      {form.provider === 'smpp' && (
        <div className="sms-account">
          <TextField label={t('sms.account.host')} {...field('host')} />
          <TextField label={t('sms.account.port')} inputMode="numeric" {...field('port')} />
          <TextField label={t('sms.account.systemId')} {...field('systemId')} />
        </div>
      )}
      {form.provider === 'twilio' && <TextField label={t('sms.account.sid')} {...field('accountSid')} />}
      {form.provider !== 'relay' && (
        <TextField
          label={form.provider === 'smpp' ? t('sms.account.password') : t('sms.account.token')}
          type="password"
          autoComplete="new-password"
          hint={keeps ? t('sms.account.secretSet') : undefined}
          placeholder={keeps ? t('sms.account.set') : ''}
          {...field('secret')}
        />
      )}
      <FormError message={submission.message} />
      {message && <p role="status">{message}</p>}
      <button type="submit" className="button" disabled={submission.busy}>
        {t('sms.sender.save')}
      </button>
    </form>
  );
}
