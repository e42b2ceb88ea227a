import { useDeferredValue, useState } from 'react';
import { ActivityStatus } from '#core/api/activities';
import { listActivities } from '../api/endpoints.ts';
import { forMe } from '../api/for-me.ts';
import { RoleBadge, StatusBadge } from '../components/StatusBadge.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useAsync } from '../state/use-async.ts';
import { hrefOf } from '../state/use-route.ts';
import { useSignedIn } from '../state/use-session.tsx';
import { keepOnlyCopiesOf } from '../sync/device-copies.ts';
import { ForMePanel } from './ForMePanel.tsx';
import { RefusalNotice } from '../components/Field.tsx';

/** My activities: filter by status, search title and question, only those I facilitate. */
export function ActivityListScreen() {
  const { t, formatRelative, formatDateTime } = useI18n();
  const { api, me } = useSignedIn();
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<ActivityStatus | ''>('');
  const [mine, setMine] = useState(false);
  const query = useDeferredValue(q.trim());
  const list = useAsync(async () => {
    const activities = await listActivities(api, { q: query || undefined, status: status || undefined });
    // The relay's whole list, fresh: this device's copies of anything else (removed from it,
    // or its content removed by retention) are deleted.
    if (!query && !status) void keepOnlyCopiesOf(api.base, me.id, activities.filter((a) => !a.contentRemoved).map((a) => a.id));
    return activities;
  }, [api, me.id, query, status]);
  const needs = useAsync(() => forMe(api), [api]);
  const shown = (list.data ?? []).filter((a) => !mine || a.myRole === 'facilitator');
  const filtered = query !== '' || status !== '' || mine;

  return (
    <main id="main" className="page">
      <div className="page-head">
        <h1>{t('list.title')}</h1>
        {/* A guest sees and does only the activity they were invited to. */}
        {me.rights.includes('createActivities') && (
          <a className="button primary" href={hrefOf({ name: 'new-activity' })}>
            {t('list.new')}
          </a>
        )}
      </div>
      <ForMePanel forMe={needs.data} />
      <div className="toolbar" role="search">
        <input
          type="search"
          className="search"
          aria-label={t('list.search')}
          placeholder={t('list.searchPlaceholder')}
          value={q}
          onChange={(e) => setQ(e.target.value)}
        />
        <select aria-label={t('list.status')} value={status} onChange={(e) => setStatus(e.target.value as ActivityStatus | '')}>
          <option value="">{t('list.allStatuses')}</option>
          {ActivityStatus.options.map((s) => (
            <option key={s} value={s}>
              {t(`status.${s}`)}
            </option>
          ))}
        </select>
        <label className="checkbox">
          <input type="checkbox" checked={mine} onChange={(e) => setMine(e.target.checked)} />
          {t('list.mine')}
        </label>
      </div>
      {list.status === 'loading' && <p className="muted">{t('app.loading')}</p>}
      {list.status === 'failed' && <RefusalNotice error={list.error} />}
      {list.status === 'ready' && shown.length === 0 && (
        <p className="empty-state">{filtered ? t('list.noMatch') : t('list.empty')}</p>
      )}
      <ul className="activity-list" aria-label={t('list.title')}>
        {shown.map((a) => (
          <li key={a.id}>
            <a className="activity-row" href={hrefOf(a.kind === 'ideas' ? { name: 'idea-box', id: a.id } : { name: 'activity', id: a.id, tab: 'work' })}>
              <span className="activity-row-main">
                <span className="activity-title">{a.title}</span>
                <span className="activity-question">{a.question}</span>
              </span>
              <span className="activity-row-meta">
                {(needs.data?.byActivity[a.id]?.toVote ?? 0) > 0 && (
                  <span className="badge to-vote" data-testid="to-vote">{t('forMe.toVote', { n: needs.data?.byActivity[a.id]?.toVote ?? 0 })}</span>
                )}
                {(needs.data?.byActivity[a.id]?.nextDeadline ?? a.deadline) && (
                  <span className="muted small" data-testid="deadline">{t('forMe.until', { when: formatDateTime(needs.data?.byActivity[a.id]?.nextDeadline ?? a.deadline ?? '') })}</span>
                )}
                <StatusBadge status={a.status} />
                <RoleBadge role={a.myRole} />
                <span className="muted small">{t('list.updated', { when: formatRelative(a.updatedAt) })}</span>
              </span>
            </a>
          </li>
        ))}
      </ul>
    </main>
  );
}
