import { useEffect, useState } from 'react';
import type { IdeaDetail } from '#core/api/ideas';
import { getActivity } from '../api/endpoints.ts';
import { getIdea } from '../api/ideas.ts';
import { useI18n } from '../i18n/index.tsx';
import { useAsync } from '../state/use-async.ts';
import { usePhotoUrl } from '../state/use-photo-url.ts';
import { hrefOf } from '../state/use-route.ts';
import { useSignedIn } from '../state/use-session.tsx';
import { boxSettings } from '../api/idea-funnel.ts';
import { AnswerPanel } from './AnswerPanel.tsx';
import { IdeaComments } from './comments/IdeaComments.tsx';
import { HidePanel } from './HidePanel.tsx';
import { IdeaFunnelNotes } from './IdeaFunnelNotes.tsx';
import { IdeaStageBadge } from './IdeaStageBadge.tsx';
import { IdeaStatusBadge } from './IdeaStatusBadge.tsx';
import { ModerationPanel } from './ModerationPanel.tsx';
import { ReportPanel } from './ReportPanel.tsx';
import { RewardPanel } from './RewardPanel.tsx';
import { StudyMergePanel } from './StudyMergePanel.tsx';
import { VoteButton } from './VoteButton.tsx';

/** One idea: its text and photo, votes, every answer it got; facilitators answer it here. */
export function IdeaScreen({ boxId, ideaId }: { boxId: string; ideaId: string }) {
  const { t } = useI18n();
  const { api, me } = useSignedIn();
  const box = useAsync(() => getActivity(api, boxId), [api, boxId]);
  const settings = useAsync(() => boxSettings(api, boxId), [api, boxId]);
  const loaded = useAsync(() => getIdea(api, ideaId), [api, ideaId]);
  const [idea, setIdea] = useState<IdeaDetail | null>(null);
  useEffect(() => setIdea(loaded.data ?? null), [loaded.data]);

  if (loaded.status === 'failed' || box.status === 'failed') {
    return (
      <main id="main" className="page">
        <p role="alert" className="notice">{t('ideas.idea.notFound')}</p>
        <a href={hrefOf({ name: 'idea-box', id: boxId })}>{t('ideas.backToBox')}</a>
      </main>
    );
  }
  if (!idea || box.status !== 'ready') return <main id="main" className="page"><p className="muted">{t('app.loading')}</p></main>;
  const activity = box.data;
  const canVote = activity.myRole !== 'viewer' && activity.status !== 'decided' && activity.status !== 'archived';
  return (
    <main id="main" className="page narrow idea-page">
      <a className="back-link" href={hrefOf({ name: 'idea-box', id: boxId })}>← {activity.title}</a>
      <article className="card idea-detail" aria-labelledby="idea-title">
        <div className="idea-detail-head">
          <VoteButton<IdeaDetail> idea={idea} canVote={canVote} onChange={setIdea} />
          <div className="idea-detail-heading">
            <h1 id="idea-title">{idea.title}</h1>
            <p className="muted small">
              {idea.category} · <a href={hrefOf({ name: 'idea-author', boxId, userId: idea.author.id })}>{idea.author.name}</a>
            </p>
          </div>
          <IdeaStatusBadge status={idea.status} />
          {(idea.stage === 'shortlisted' || settings.data?.stageNames[idea.stage]) && <IdeaStageBadge stage={idea.stage} names={settings.data?.stageNames ?? {}} />}
        </div>
        <IdeaFunnelNotes idea={idea} />
        {idea.hidden && (
          <p className="notice" role="note">
            {t('ideas.hiddenBecause', { reason: idea.hidden.reason })}
          </p>
        )}
        {idea.reason && (
          <p className="idea-reason" data-testid="idea-reason">
            {t('ideas.reasonSaid', { reason: idea.reason })}
          </p>
        )}
        <p className="idea-text">{idea.text}</p>
        {idea.photo && <IdeaPhoto ideaId={idea.id} title={idea.title} />}
        <History idea={idea} />
        {idea.author.id !== me.id && !idea.hidden && activity.myRole !== 'facilitator' && <ReportPanel ideaId={idea.id} />}
      </article>
      <IdeaComments idea={idea} box={activity} />
      {activity.myRole === 'facilitator' && (
        <>
          <ModerationPanel idea={idea} onChanged={setIdea} />
          <StudyMergePanel idea={idea} onChanged={setIdea} />
          {!idea.mergedInto && <AnswerPanel idea={idea} onAnswered={setIdea} />}
          <RewardPanel idea={idea} onChanged={setIdea} />
          <HidePanel idea={idea} onChanged={setIdea} />
        </>
      )}
    </main>
  );
}

function IdeaPhoto({ ideaId, title }: { ideaId: string; title: string }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const url = usePhotoUrl(api, ideaId, true);
  return url ? <img className="idea-photo" src={url} alt={t('ideas.photoOf', { title })} /> : <div className="idea-photo placeholder" />;
}

function History({ idea }: { idea: IdeaDetail }) {
  const { t, formatDateTime } = useI18n();
  if (idea.history.length === 0) return <p className="muted small">{t('ideas.history.none')}</p>;
  return (
    <section aria-labelledby="answers-title">
      <h2 id="answers-title" className="small-heading">{t('ideas.history')}</h2>
      <ol className="idea-history">
        {idea.history.map((h, i) => (
          <li key={i}>
            <IdeaStatusBadge status={h.status} /> <span className="muted small">{t('ideas.history.by', { name: h.by, when: formatDateTime(h.at) })}</span>
            {h.reason && <p>{h.reason}</p>}
          </li>
        ))}
      </ol>
    </section>
  );
}
