import { useEffect, useState } from 'react';
import type { SmsPreview } from '#core/api/sms';
import { previewSms } from '../api/sms.ts';
import { sendTestSms } from '../actions/sms.ts';
import { FormError, TextAreaField, TextField } from '../components/Field.tsx';
import { useSmsFormat } from './use-sms-format.ts';
import { useSignedIn } from '../state/use-session.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useSubmit } from '../components/use-submit.ts';

/**
 * A test message with what it will cost before it goes: segments, encoding, room left,
 * price, and the characters that force UCS-2, computed by the relay with core/sms (the
 * same code the sender uses). "Replace look-alikes" rewrites ’ “ ” – … into GSM-7.
 */
export function ComposeTestPanel({ onSent }: { onSent(): void }) {
  const { t } = useI18n();
  const format = useSmsFormat();
  const { api } = useSignedIn();
  const [to, setTo] = useState('');
  const [text, setText] = useState('');
  const [preview, setPreview] = useState<SmsPreview | null>(null);
  const [replaced, setReplaced] = useState<string | null>(null);
  const submission = useSubmit();
  const [queued, setQueued] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      previewSms(api, text, false).then(
        (p) => live && setPreview(p),
        () => live && setPreview(null),
      );
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, text]);

  const makeSafe = () =>
    submission.run(async () => {
      const p = await previewSms(api, text, true);
      setText(p.text);
      setReplaced(p.replaced.map((r) => `${r.from} → ${r.to}`).join(', ') || null);
    });

  const send = submission.onSubmit(async () => {
    setQueued(null);
    const sent = await sendTestSms(api, to, text);
    setQueued(t('sms.queued', { segments: sent.segments, encoding: sent.encoding }));
    onSent();
  });

  return (
    <form className="panel sms-compose" onSubmit={send} aria-labelledby="compose-title">
      <h2 id="compose-title">{t('sms.compose')}</h2>
      <TextField label={t('sms.to')} value={to} onChange={(e) => setTo(e.target.value)} inputMode="tel" autoComplete="off" error={submission.field('to')} />
      <TextAreaField label={t('sms.message')} value={text} rows={4} onChange={(e) => setText(e.target.value)} error={submission.field('text')} />
      {preview && text && (
        <p className="sms-meter" role="status">
          {t('sms.preview', {
            segments: preview.segments,
            encoding: preview.encoding,
            remaining: preview.remaining,
            cost: format.money(preview.costMicros),
          })}
        </p>
      )}
      {preview && preview.nonGsmCharacters.length > 0 && (
        <p className="sms-non-gsm">
          {t('sms.nonGsm', { chars: '' })}
          {preview.nonGsmCharacters.map((c) => (
            <mark key={c} className="sms-char">
              {c}
            </mark>
          ))}{' '}
          <button type="button" className="button ghost" onClick={() => void makeSafe()}>
            {t('sms.gsmSafe')}
          </button>
        </p>
      )}
      {replaced && <p className="muted small">{t('sms.replaced', { list: replaced })}</p>}
      <FormError message={submission.message} />
      {queued && <p role="status">{queued}</p>}
      <button type="submit" className="button" disabled={submission.busy || !to || !text}>
        {t('sms.send')}
      </button>
    </form>
  );
}
