import { useState } from 'react';
import type { IdeaDetail, IdeaStatus } from '#core/api/ideas';
import { nextStatuses, reasonRequired } from '#core/ideas/status';
import { answerIdea } from '../actions/ideas.ts';
import { FormError, TextAreaField } from '../components/Field.tsx';
import { useSubmit } from '../components/use-submit.ts';
import { useI18n } from '../i18n/index.tsx';
import { useSignedIn } from '../state/use-session.tsx';

/** The facilitator answers: the next status and the reason the author will read. */
export function AnswerPanel({ idea, onAnswered }: { idea: IdeaDetail; onAnswered(idea: IdeaDetail): void }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const submission = useSubmit();
  const options = nextStatuses[idea.status];
  const [status, setStatus] = useState<IdeaStatus | ''>(options[0] ?? '');
  const [reason, setReason] = useState('');
  if (options.length === 0) return null;
  const chosen = options.includes(status as IdeaStatus) ? (status as IdeaStatus) : options[0]!;

  const submit = submission.onSubmit(async () => {
    onAnswered(await answerIdea(api, idea.id, chosen, reason));
    setReason('');
  });

  return (
    <form className="card form-card" onSubmit={submit} noValidate aria-labelledby="answer-title">
      <h2 id="answer-title">{t('ideas.answer.title')}</h2>
      <label className="field">
        <span>{t('ideas.answer.status')}</span>
        <select value={chosen} onChange={(e) => setStatus(e.target.value as IdeaStatus)}>
          {options.map((s) => (
            <option key={s} value={s}>
              {t(`ideas.status.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <TextAreaField
        label={t('ideas.answer.reason')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        rows={3}
        hint={reasonRequired(idea.status, chosen) ? t('ideas.answer.reasonRequired') : t('ideas.answer.reasonOptional')}
        error={submission.field('reason')}
      />
      <FormError message={submission.message} />
      <div className="form-actions">
        <button className="button primary" type="submit" disabled={submission.busy}>
          {t('ideas.answer.submit')}
        </button>
      </div>
    </form>
  );
}
