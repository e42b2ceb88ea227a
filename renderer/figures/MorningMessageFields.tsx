import { useId, useState } from 'react';
import type { Figure } from '#core/api/figures';
import { maxMessageFigures } from '#core/figures/morning';
import { previewMessage } from '../api/figures.ts';
import { RefusalNotice, TextField } from '../components/Field.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useFigures } from '../state/use-figures.ts';
import { useSignedIn } from '../state/use-session.tsx';
import { useLivePreview } from '../state/use-live-preview.ts';
import { SmsPreviewTable } from './SmsPreviewTable.tsx';

/** The message's figures in order: this figure first, then the ticked ones in list order. */
export function messageFigureIds(figure: Figure, all: readonly Figure[], ticked: readonly string[]): string[] {
  return [figure.id, ...all.filter((f) => f.id !== figure.id && ticked.includes(f.id)).map((f) => f.id)];
}

/**
 * A morning message: which figures its one SMS per person carries (this figure always,
 * first), and that SMS person by person for a day — text, segments, encoding, cost —
 * as the relay composes and counts it.
 */
export function MorningMessageFields({
  figure,
  ticked,
  onTicked,
  listId,
  defaultDate,
}: {
  figure: Figure;
  ticked: string[];
  onTicked(next: string[]): void;
  listId: string;
  defaultDate: string;
}) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const figures = useFigures();
  const [date, setDate] = useState(defaultDate);
  const hintId = useId();
  const ids = messageFigureIds(figure, figures.data ?? [], ticked);
  const key = ids.join(',');

  const { value: preview, error: previewError } = useLivePreview(() => previewMessage(api, { figureIds: key.split(','), listId, date }), [api, key, listId, date], listId !== '');

  const full = ids.length >= maxMessageFigures;
  return (
    <div className="morning-message">
      <fieldset className="pick-list" aria-describedby={hintId}>
        <legend>{t('figures.message.figures')}</legend>
        {(figures.data ?? []).map((f) => {
          const own = f.id === figure.id;
          const on = own || ticked.includes(f.id);
          return (
            <label key={f.id} className="checkbox">
              <input
                type="checkbox"
                checked={on}
                disabled={own || (!on && full)}
                onChange={() => onTicked(on ? ticked.filter((id) => id !== f.id) : [...ticked, f.id])}
              />
              {f.label}
            </label>
          );
        })}
      </fieldset>
      <p id={hintId} className="field-hint">
        {t('figures.message.hint')}
      </p>
      <TextField label={t('figures.message.date')} type="date" value={date} onChange={(e) => setDate(e.target.value)} />
      {previewError !== null && <RefusalNotice error={previewError} />}
      {preview && <SmsPreviewTable preview={preview} label={t('figures.message.preview')} />}
    </div>
  );
}
