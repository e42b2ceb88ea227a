import { listActivities } from '../api/endpoints.ts';
import { useI18n } from '../i18n/index.tsx';
import { useAsync } from '../state/use-async.ts';
import { hrefOf } from '../state/use-route.ts';
import { useSignedIn } from '../state/use-session.tsx';
import { NoticesPanel } from './NoticesPanel.tsx';
import { RefusalNotice } from '../components/Field.tsx';

/** The idea boxes I can take part in, and what became of my ideas. */
export function IdeaBoxesScreen() {
  const { t, formatRelative } = useI18n();
  const { api, me } = useSignedIn();
  const boxes = useAsync(async () => (await listActivities(api, {})).filter((a) => a.kind === 'ideas'), [api]);
  return (
    <main id="main" className="page ideas-page">
      <div className="page-head">
        <h1>{t('ideas.boxes.title')}</h1>
        {me.rights.includes('openIdeaBoxes') && (
          <a className="button primary" href={hrefOf({ name: 'new-idea-box' })}>
            {t('ideas.boxes.new')}
          </a>
        )}
      </div>
      <div className="ideas-layout">
        <section aria-label={t('ideas.boxes.title')}>
          {boxes.status === 'loading' && <p className="muted">{t('app.loading')}</p>}
          {boxes.status === 'failed' && <RefusalNotice error={boxes.error} />}
          {boxes.status === 'ready' && boxes.data.length === 0 && <p className="empty-state">{t('ideas.boxes.empty')}</p>}
          <ul className="activity-list">
            {(boxes.data ?? []).map((box) => (
              <li key={box.id}>
                <a className="activity-row" href={hrefOf({ name: 'idea-box', id: box.id })}>
                  <span className="activity-row-main">
                    <span className="activity-title">{box.title}</span>
                    <span className="activity-question">{box.question}</span>
                  </span>
                  <span className="activity-row-meta">
                    <span className="muted small">{box.categories.join(' · ')}</span>
                    <span className="muted small">{t('list.updated', { when: formatRelative(box.updatedAt) })}</span>
                  </span>
                </a>
              </li>
            ))}
          </ul>
        </section>
        <aside>
          <NoticesPanel />
        </aside>
      </div>
    </main>
  );
}
