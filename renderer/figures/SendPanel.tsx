import { useState } from 'react';
import type { Figure, SendResponse } from '#core/api/figures';
import { templateErrors } from '#core/figures/template';
import { templateProblemText } from './template-words.ts';
import { previewSend } from '../api/figures.ts';
import { keepTemplate, sendFigureNow } from '../actions/figures.ts';
import { FormError, RefusalNotice, TextAreaField, TextField } from '../components/Field.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useFigureFormat, useRecipientLists } from '../state/use-figures.ts';
import { useSignedIn } from '../state/use-session.tsx';
import { useLivePreview } from '../state/use-live-preview.ts';
import { useSubmit } from '../components/use-submit.ts';
import { SmsPreviewTable } from './SmsPreviewTable.tsx';

/**
 * The exact SMS each recipient will get — text, segments, encoding, cost — computed by
 * the relay with core/sms, live as the template changes; then "Send now" after a
 * confirmation that restates what it will cost.
 */
export function SendPanel({
  figure,
  defaultDate,
  valuesRevision,
  onTemplateKept,
}: {
  figure: Figure;
  defaultDate: string;
  /** Changes when the figure's values change: the preview is then computed again. */
  valuesRevision: number;
  onTemplateKept(): void;
}) {
  const { t, formatDateTime } = useI18n();
  const { api } = useSignedIn();
  const format = useFigureFormat();
  const lists = useRecipientLists();
  const [listId, setListId] = useState('');
  const [date, setDate] = useState(defaultDate);
  const [template, setTemplate] = useState(figure.template);
  const submission = useSubmit();
  const [confirming, setConfirming] = useState(false);
  const [result, setResult] = useState<SendResponse | null>(null);
  const chosen = listId || lists.data?.[0]?.id || '';
  const problems = templateErrors(template);

  const { value: preview, error: previewError } = useLivePreview(
    () => previewSend(api, figure.id, date, chosen, problems.length === 0 ? template : undefined),
    [api, figure.id, date, chosen, template, valuesRevision],
    chosen !== '',
  );

  const send = () => {
    setConfirming(false);
    return submission.run(async () => {
      if (template !== figure.template && problems.length === 0) await keepTemplate(api, figure.id, template);
      setResult(await sendFigureNow(api, figure.id, date, chosen));
    });
  };
  const cost = preview ? format.money(preview.totals.costMicros, preview.currency) : '';
  return (
    <section className="card send-panel" aria-label={t('figures.send')}>
      <h2>{t('figures.send')}</h2>
      {lists.status === 'ready' && lists.data.length === 0 && <p className="muted">{t('figures.noList')}</p>}
      <div className="send-controls">
        <label className="field">
          {t('figures.list')}
          <select value={chosen} onChange={(e) => setListId(e.target.value)} aria-label={t('figures.list')}>
            {(lists.data ?? []).map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
        <TextField label={t('figures.date')} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
      </div>
      <TextAreaField label={t('figures.template')} hint={t('figures.templateHint')} value={template} rows={2} onChange={(e) => setTemplate(e.target.value)} error={problems[0] === undefined ? undefined : templateProblemText(problems[0], t)} />
      {template !== figure.template && problems.length === 0 && (
        <button type="button" className="button ghost" onClick={() => void submission.run(async () => (await keepTemplate(api, figure.id, template), onTemplateKept()))}>
          {t('figures.saveTemplate')}
        </button>
      )}
      <FormError message={submission.message} />
      {!submission.message && previewError !== null && <RefusalNotice error={previewError} />}
      {preview && (
        <>
          <SmsPreviewTable preview={preview} label={t('figures.preview')} />
          {!confirming ? (
            <>
              {problems.length > 0 && <p className="field-error" data-testid="template-blocks">{t('figures.templateBlocks')}</p>}
              <button type="button" className="button primary" disabled={preview.totals.receiving === 0 || problems.length > 0} onClick={() => setConfirming(true)}>
                {t('figures.sendNow')}
              </button>
            </>
          ) : (
            <div className="confirm" role="alertdialog" aria-label={t('figures.sendNow')}>
              <p>{t('figures.confirm', { segments: preview.totals.segments, receiving: preview.totals.receiving, cost })}</p>
              <button type="button" className="button primary" disabled={problems.length > 0} onClick={() => void send()}>
                {t('figures.confirmYes')}
              </button>
              <button type="button" className="button ghost" onClick={() => setConfirming(false)}>
                {t('figures.cancel')}
              </button>
            </div>
          )}
        </>
      )}
      {result && (
        <p className="notice" role="status">
          {t('figures.sent', { count: result.messages.length })}
          {heldUntil(result) && ` ${t('figures.held', { when: formatDateTime(heldUntil(result)!) })}`}
        </p>
      )}
    </section>
  );
}

/** The latest time a message of this send waits for (quiet hours), if any waits. */
function heldUntil(result: SendResponse): string | null {
  const latest = result.messages.map((m) => m.notBefore).sort().at(-1);
  return latest && Date.parse(latest) > Date.now() + 60_000 ? latest : null;
}
