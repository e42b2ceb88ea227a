import { useState } from 'react';
import type { IdeaDetail } from '#core/api/ideas';
import { mayShortlist } from '#core/ideas/stages';
import { dismissReports, moderateIdea, shortlistIdea } from '../actions/idea-funnel.ts';
import { FormError, TextField } from '../components/Field.tsx';
import { useSubmit } from '../components/use-submit.ts';
import { useI18n } from '../i18n/index.tsx';
import { useSignedIn } from '../state/use-session.tsx';

/** A facilitator approves an idea, moves it off topic with a reason, shortlists it, dismisses its reports. */
export function ModerationPanel({ idea, onChanged }: { idea: IdeaDetail; onChanged(idea: IdeaDetail): void }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const submission = useSubmit();
  const [reason, setReason] = useState('');
  if (idea.mergedInto) return null;
  const run = (work: () => Promise<IdeaDetail>) =>
    submission.run(async () => {
      onChanged(await work());
      setReason('');
    });
  return (
    <section className="card form-card" aria-labelledby="moderate-title">
      <h2 id="moderate-title">{t('ideas.mod.title')}</h2>
      {idea.reports > 0 && (
        <p className="notice">
          {t('ideas.mod.reports', { count: idea.reports })}{' '}
          <button type="button" className="button small" disabled={submission.busy} onClick={() => void run(() => dismissReports(api, idea.id))}>
            {t('ideas.mod.dismiss')}
          </button>
        </p>
      )}
      <div className="form-actions wrap">
        {idea.moderation !== 'approved' && (
          <button type="button" className="button primary" disabled={submission.busy} onClick={() => void run(() => moderateIdea(api, idea.id, 'approve', ''))}>
            {t('ideas.mod.approve')}
          </button>
        )}
        {mayShortlist(idea.status) && idea.moderation === 'approved' && (
          <button type="button" className="button" disabled={submission.busy} onClick={() => void run(() => shortlistIdea(api, idea.id, idea.stage !== 'shortlisted'))}>
            {idea.stage === 'shortlisted' ? t('ideas.mod.unshortlist') : t('ideas.mod.shortlist')}
          </button>
        )}
      </div>
      {idea.moderation !== 'off_topic' && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => moderateIdea(api, idea.id, 'off_topic', reason));
          }}
        >
          <TextField label={t('ideas.mod.offTopicReason')} value={reason} onChange={(e) => setReason(e.target.value)} error={submission.field('reason')} />
          <div className="form-actions">
            <button type="submit" className="button" disabled={submission.busy}>
              {t('ideas.mod.offTopic')}
            </button>
          </div>
        </form>
      )}
      <FormError message={submission.message} />
    </section>
  );
}
