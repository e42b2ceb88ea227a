import { useState } from 'react';
import type { IdeaDetail } from '#core/api/ideas';
import { mergeIdea, studyIdea } from '../actions/idea-funnel.ts';
import { listIdeas } from '../api/ideas.ts';
import { FormError } from '../components/Field.tsx';
import { useSubmit } from '../components/use-submit.ts';
import { useI18n } from '../i18n/index.tsx';
import { useAsync } from '../state/use-async.ts';
import { hrefOf, navigate } from '../state/use-route.ts';
import { useSignedIn } from '../state/use-session.tsx';

/** "Study this idea" (opens the activity studying it) and merging it, as a duplicate, into another idea of the box. */
export function StudyMergePanel({ idea, onChanged }: { idea: IdeaDetail; onChanged(idea: IdeaDetail): void }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const submission = useSubmit();
  const others = useAsync(() => listIdeas(api, idea.activityId, { sort: 'votes', limit: 200 }), [api, idea.activityId]);
  const [into, setInto] = useState('');
  if (idea.mergedInto) return null;
  const studiable = !idea.studyActivityId && !idea.hidden && idea.moderation === 'approved' && (idea.status === 'new' || idea.status === 'under_study');
  const candidates = (others.data?.ideas ?? []).filter((o) => o.id !== idea.id);
  return (
    <section className="card form-card" aria-labelledby="study-title">
      <h2 id="study-title">{t('ideas.study.title')}</h2>
      {studiable && (
        <>
          <p className="muted small">{t('ideas.study.hint')}</p>
          <div className="form-actions">
            <button
              type="button"
              className="button primary"
              disabled={submission.busy}
              onClick={() =>
                void submission.run(async () => {
                  const { activityId, idea: now } = await studyIdea(api, idea.id);
                  onChanged(now);
                  navigate({ name: 'activity', id: activityId, tab: 'work' });
                })
              }
            >
              {t('ideas.study.button')}
            </button>
          </div>
        </>
      )}
      {candidates.length > 0 && (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (into) void submission.run(async () => onChanged(await mergeIdea(api, idea.id, into)));
          }}
        >
          <label className="field">
            <span>{t('ideas.merge.into')}</span>
            <select value={into} onChange={(e) => setInto(e.target.value)}>
              <option value="">{t('ideas.merge.choose')}</option>
              {candidates.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.title}
                </option>
              ))}
            </select>
          </label>
          <p className="muted small">{t('ideas.merge.hint')}</p>
          <div className="form-actions">
            <button type="submit" className="button" disabled={submission.busy || !into}>
              {t('ideas.merge.button')}
            </button>
          </div>
        </form>
      )}
      {idea.studyActivityId && <a href={hrefOf({ name: 'activity', id: idea.studyActivityId, tab: 'decide' })}>{t('ideas.openStudy')}</a>}
      <FormError message={submission.message} />
    </section>
  );
}
