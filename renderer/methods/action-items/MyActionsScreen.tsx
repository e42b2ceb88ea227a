import { isOverdue } from '#core/methods/action-items';
import { myActions } from '../../api/action-items.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useAsync } from '../../state/use-async.ts';
import { hrefOf } from '../../state/use-route.ts';
import { useSignedIn } from '../../state/use-session.tsx';
import { formatDay, todayHere } from './day.ts';

/** "My actions": the signed-in person's open action items in every activity they may see, soonest due first. */
export function MyActionsScreen() {
  const { t, locale } = useI18n();
  const { api } = useSignedIn();
  const list = useAsync(() => myActions(api), [api]);
  const today = todayHere();
  return (
    <main id="main" className="page my-actions">
      <h1>{t('actions.mine')}</h1>
      {list.status === 'loading' && <p className="muted">{t('app.loading')}</p>}
      {list.status === 'failed' && <p role="alert" className="notice">{t('actions.mineFailed')}</p>}
      {list.status === 'ready' && list.data.actions.length === 0 && <p className="muted">{t('actions.mineNone')}</p>}
      {list.status === 'ready' && list.data.actions.length > 0 && (
        <ul className="action-item-list" data-testid="my-actions">
          {list.data.actions.map((a) => {
            const overdue = isOverdue(a, today);
            return (
              <li key={`${a.activityId}/${a.id}`} className={`action-item status-${a.status}${overdue ? ' overdue' : ''}`} data-testid="my-action">
                <p className="action-title">
                  <a href={hrefOf({ name: 'activity', id: a.activityId, tab: 'work' })}>{a.title}</a>
                </p>
                <div className="action-meta">
                  <span className="muted small">{a.activityTitle}</span>
                  <span className="action-due">{t('actions.dueOn', { day: formatDay(locale, a.due) })}</span>
                  {overdue && <span className="badge warning">{t('actions.overdue')}</span>}
                  <span className="badge">{t(`actions.status.${a.status}`)}</span>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {list.status === 'ready' && list.data.more && <p className="muted small">{t('actions.mineMore')}</p>}
    </main>
  );
}
