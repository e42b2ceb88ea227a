import { useState } from 'react';
import { startPrivateRound } from '../../actions/private-first.ts';
import { FormError, TextAreaField, TextField } from '../../components/Field.tsx';
import { useSubmit } from '../../components/use-submit.ts';
import { useSignedIn } from '../../state/use-session.tsx';
import { useI18n } from '../../i18n/index.tsx';

/** Tomorrow at this time, as an `<input type="datetime-local">` value in local time. */
function tomorrow(): string {
  const at = new Date(Date.now() + 86_400_000);
  at.setSeconds(0, 0);
  return new Date(at.getTime() - at.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

/** The facilitator starts a "private first" round: the question gate's fields. */
export function StartPrivateRoundForm({ activityId, onStarted, onCancel }: { activityId: string; onStarted(): void; onCancel(): void }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const submission = useSubmit();
  const [question, setQuestion] = useState(() => t('privateFirst.defaultQuestion'));
  const [deadline, setDeadline] = useState(tomorrow);
  const [anonymous, setAnonymous] = useState(false);

  const submit = submission.onSubmit(async () => {
    await startPrivateRound(api, activityId, { question, deadline, anonymous });
    onStarted();
  });

  return (
    <form className="private-round-form" onSubmit={submit} noValidate aria-label={t('privateFirst.start')}>
      <TextAreaField label={t('privateFirst.question')} value={question} onChange={(e) => setQuestion(e.target.value)} rows={2} maxLength={500} error={submission.field('question')} />
      <TextField label={t('privateFirst.deadline')} type="datetime-local" value={deadline} onChange={(e) => setDeadline(e.target.value)} error={submission.field('deadline')} />
      <label className="checkbox">
        <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} /> {t('privateFirst.anonymous')}
      </label>
      <FormError message={submission.message} />
      <div className="form-actions">
        <button type="button" className="button ghost" onClick={onCancel}>{t('privateFirst.cancel')}</button>
        <button type="submit" className="button primary" disabled={submission.busy}>{t('privateFirst.open')}</button>
      </div>
    </form>
  );
}
