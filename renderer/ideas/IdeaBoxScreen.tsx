import { useState } from 'react';
import { ideaStatuses } from '#core/ideas/status';
import { ideaSorts, type IdeaSort } from '#core/ideas/sort';
import type { IdeaStatus } from '#core/api/ideas';
import { getActivity } from '../api/endpoints.ts';
import { useI18n } from '../i18n/index.tsx';
import { useAsync } from '../state/use-async.ts';
import { useIdeas, type IdeaFilter } from '../state/use-ideas.ts';
import { hrefOf } from '../state/use-route.ts';
import { useSignedIn } from '../state/use-session.tsx';
import { BoxSettingsPanel } from './BoxSettingsPanel.tsx';
import { ContributorsPanel } from './ContributorsPanel.tsx';
import { QueuesPanel } from './QueuesPanel.tsx';
import { RecognitionPanel } from './RecognitionPanel.tsx';
import { IdeaList } from './IdeaList.tsx';
import { NoticesPanel } from './NoticesPanel.tsx';
import { PublishPanel } from './PublishPanel.tsx';
import { SubmitIdeaForm } from './SubmitIdeaForm.tsx';
import { MembersPanel } from '../screens/MembersPanel.tsx';

/** An idea box: its ideas sorted and filtered, the form to propose one, who contributes. */
export function IdeaBoxScreen({ boxId }: { boxId: string }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const box = useAsync(() => getActivity(api, boxId), [api, boxId]);
  const [filter, setFilter] = useState<IdeaFilter>({ sort: 'votes', category: '', status: '', author: '' });
  const list = useIdeas(api, boxId, filter);
  const waiting = useIdeas(api, boxId, { sort: 'newest', category: '', status: 'new', author: '' }, 1);
  const [proposing, setProposing] = useState(false);
  const [showMembers, setShowMembers] = useState(false);
  const [showPublish, setShowPublish] = useState(false);

  if (box.status === 'loading') return <main id="main" className="page"><p className="muted">{t('app.loading')}</p></main>;
  if (box.status === 'failed' || box.data.kind !== 'ideas') {
    return (
      <main id="main" className="page">
        <p role="alert" className="notice">{t('ideas.box.notFound')}</p>
        <a href={hrefOf({ name: 'idea-boxes' })}>{t('ideas.back')}</a>
      </main>
    );
  }
  const activity = box.data;
  const canPropose = activity.myRole !== 'viewer' && activity.status !== 'decided' && activity.status !== 'archived';
  const facilitator = activity.myRole === 'facilitator';

  return (
    <main id="main" className="page ideas-page">
      <div className="activity-head">
        <div className="activity-head-main">
          <a className="back-link" href={hrefOf({ name: 'idea-boxes' })}>← {t('ideas.back')}</a>
          <h1>{activity.title}</h1>
          <p className="question">{activity.question}</p>
          <p className="muted small" data-testid="idea-counts">
            {t('ideas.box.counts', { total: list.total, waiting: waiting.total })}
          </p>
        </div>
        <div className="idea-box-actions">
          {facilitator && (
            <button type="button" className="button" aria-expanded={showMembers} onClick={() => setShowMembers(!showMembers)}>
              {t('ideas.box.who')}
            </button>
          )}
          {facilitator && (
            <button type="button" className="button" aria-expanded={showPublish} onClick={() => setShowPublish(!showPublish)}>
              {t('campaigns.open')}
            </button>
          )}
          {canPropose && !proposing && (
            <button type="button" className="button primary" onClick={() => setProposing(true)}>
              {t('ideas.propose')}
            </button>
          )}
        </div>
      </div>
      {showMembers && (
        <section className="card idea-members" aria-label={t('ideas.box.who')}>
          <p className="muted small">{t('ideas.box.whoHint')}</p>
          <MembersPanel activityId={boxId} canManage={facilitator} />
        </section>
      )}
      {showPublish && <PublishPanel box={activity} onChanged={() => box.reload()} />}
      {proposing && (
        <SubmitIdeaForm
          boxId={boxId}
          categories={activity.categories}
          onDone={(submitted) => {
            setProposing(false);
            if (submitted) list.reload();
            if (submitted) waiting.reload();
          }}
        />
      )}
      <div className="ideas-layout">
        <section aria-label={t('ideas.list')}>
          <div className="toolbar" role="search">
            <label className="field inline">
              <span>{t('ideas.sort')}</span>
              <select value={filter.sort} onChange={(e) => setFilter({ ...filter, sort: e.target.value as IdeaSort })}>
                {ideaSorts.map((s) => (
                  <option key={s} value={s}>
                    {t(`ideas.sort.${s}`)}
                  </option>
                ))}
              </select>
            </label>
            <label className="field inline">
              <span>{t('ideas.category')}</span>
              <select value={filter.category} onChange={(e) => setFilter({ ...filter, category: e.target.value })}>
                <option value="">{t('ideas.allCategories')}</option>
                {activity.categories.map((c) => (
                  <option key={c} value={c}>
                    {c}
                  </option>
                ))}
              </select>
            </label>
            <label className="field inline">
              <span>{t('ideas.statusFilter')}</span>
              <select value={filter.status} onChange={(e) => setFilter({ ...filter, status: e.target.value as IdeaStatus | '' })}>
                <option value="">{t('ideas.allStatuses')}</option>
                {ideaStatuses.map((s) => (
                  <option key={s} value={s}>
                    {t(`ideas.status.${s}`)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {facilitator && waiting.total > 0 && filter.status !== 'new' && (
            <p className="notice">
              {t('ideas.box.waiting', { count: waiting.total })}{' '}
              <button type="button" className="button small" onClick={() => setFilter({ ...filter, status: 'new', sort: 'votes' })}>
                {t('ideas.box.showWaiting')}
              </button>
            </p>
          )}
          <IdeaList boxId={boxId} list={list} canVote={canPropose} />
        </section>
        <aside className="ideas-side">
          {facilitator && <QueuesPanel boxId={boxId} />}
          {facilitator && <BoxSettingsPanel boxId={boxId} />}
          <NoticesPanel boxId={boxId} />
          <RecognitionPanel boxId={boxId} />
          <ContributorsPanel boxId={boxId} />
        </aside>
      </div>
    </main>
  );
}
