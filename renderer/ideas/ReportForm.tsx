import { useId, useState } from 'react';
import { reportReasons, type ReportReason } from '#core/ideas/moderation';
import { FormError, TextField } from '../components/Field.tsx';
import { useSubmit, type Refusals } from '../components/use-submit.ts';
import { useI18n } from '../i18n/index.tsx';

interface ReportFormProps {
  /** The button that opens the form, and the form's heading. */
  button: string;
  title: string;
  /** Said once the report went through. */
  done: string;
  send(reason: ReportReason, note: string): Promise<void>;
  refusals?: Refusals;
}

/** A report to the facilitators (of an idea or of a comment): a button, then a reason and a note, sent once. */
export function ReportForm({ button, title, done, send, refusals }: ReportFormProps) {
  const { t } = useI18n();
  const submission = useSubmit();
  const titleId = useId();
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState(false);
  const [reason, setReason] = useState<ReportReason>('spam');
  const [note, setNote] = useState('');
  if (sent) return <p className="muted small" role="status">{done}</p>;
  if (!open) {
    return (
      <button type="button" className="button small" onClick={() => setOpen(true)}>
        {button}
      </button>
    );
  }
  return (
    <form
      className="card form-card"
      noValidate
      aria-labelledby={titleId}
      onSubmit={submission.onSubmit(async () => {
        await send(reason, note);
        setSent(true);
      }, refusals)}
    >
      <h2 id={titleId}>{title}</h2>
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
      <div className="form-actions wrap">
        <button type="submit" className="button" disabled={submission.busy}>
          {t('ideas.report.submit')}
        </button>
        <button type="button" className="button ghost" onClick={() => setOpen(false)}>
          {t('ideaComments.cancel')}
        </button>
      </div>
    </form>
  );
}
