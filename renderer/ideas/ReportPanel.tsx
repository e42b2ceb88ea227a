import { useState } from 'react';
import { reportReasons, type ReportReason } from '#core/ideas/moderation';
import { reportIdea } from '../actions/idea-funnel.ts';
import { FormError, TextField } from '../components/Field.tsx';
import { useSubmit } from '../components/use-submit.ts';
import { useI18n } from '../i18n/index.tsx';
import { useSignedIn } from '../state/use-session.tsx';

/** Anyone who reads an idea (not its author) reports it to the facilitators, once, with a reason. */
export function ReportPanel({ ideaId }: { ideaId: string }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const submission = useSubmit();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState(false);
  const [reason, setReason] = useState<ReportReason>('spam');
  const [note, setNote] = useState('');
  if (done) return <p className="muted small" role="status">{t('ideas.report.done')}</p>;
  if (!open) {
    return (
      <button type="button" className="button small" onClick={() => setOpen(true)}>
        {t('ideas.report.button')}
      </button>
    );
  }
  return (
    <form
      className="card form-card"
      noValidate
      aria-labelledby="report-title"
      onSubmit={submission.onSubmit(async () => {
        await reportIdea(api, ideaId, reason, note);
        setDone(true);
      })}
    >
      <h2 id="report-title">{t('ideas.report.title')}</h2>
      <label className="field">
        <span>{t('ideas.report.reason')}</span>
        <select value={reason} onChange={(e) => setReason(e.target.value as ReportReason)}>
          {reportReasons.map((r) => (
            <option key={r} value={r}>
              {t(`ideas.report.reason.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <TextField label={t('ideas.report.note')} value={note} onChange={(e) => setNote(e.target.value)} error={submission.field('note')} />
      <FormError message={submission.message} />
      <div className="form-actions">
        <button type="submit" className="button" disabled={submission.busy}>
          {t('ideas.report.submit')}
        </button>
      </div>
    </form>
  );
}
