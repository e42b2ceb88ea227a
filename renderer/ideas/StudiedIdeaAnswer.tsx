import type { DecisionRecord } from '#core/api/decisions';
import { ideaVerdicts, type IdeaVerdict } from '#core/ideas/study';
import { studiedIdea } from '../api/idea-funnel.ts';
import { useI18n } from '../i18n/index.tsx';
import { useAsync } from '../state/use-async.ts';
import { hrefOf } from '../state/use-route.ts';
import { useSignedIn } from '../state/use-session.tsx';

/** In the decision form of an activity studying an idea: the idea's answer (the rationale is its reason). Nothing otherwise. */
export function StudiedIdeaAnswer({ activityId, value, onChange, error }: { activityId: string; value: IdeaVerdict | ''; onChange(v: IdeaVerdict): void; error?: string | undefined }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const loaded = useAsync(() => studiedIdea(api, activityId), [api, activityId]);
  const idea = loaded.data?.idea;
  if (!idea) return null;
  return (
    <fieldset className="field idea-answer" aria-describedby="idea-answer-hint">
      <legend>{t('ideas.decision.answer')}</legend>
      <p id="idea-answer-hint" className="muted small">
        <a href={hrefOf({ name: 'idea', boxId: idea.boxId, ideaId: idea.id })}>{t('ideas.decision.studies', { title: idea.title })}</a>
      </p>
      {ideaVerdicts.map((v) => (
        <label key={v} className="check">
          <input type="radio" name="idea-answer" value={v} checked={value === v} onChange={() => onChange(v)} /> {t(`ideas.decision.${v}`)}
        </label>
      ))}
      {error && <p className="field-error" role="alert">{error}</p>}
    </fieldset>
  );
}

/** On the published record: the idea the activity studied and the answer it got. */
export function RecordedIdea({ record }: { record: DecisionRecord }) {
  const { t } = useI18n();
  if (!record.idea) return null;
  const status = ['accepted', 'declined', 'implemented', 'under_study'].includes(record.idea.status) ? t(`ideas.status.${record.idea.status as 'accepted'}`) : record.idea.status;
  return (
    <p data-testid="decision-idea">
      <a href={hrefOf({ name: 'idea', boxId: record.idea.boxId, ideaId: record.idea.id })}>{t('ideas.decision.recorded', { title: record.idea.title, status })}</a>
    </p>
  );
}
