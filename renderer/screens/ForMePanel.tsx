import type { ForMe } from '#core/api/for-me';
import { useI18n } from '../i18n/index.tsx';
import { hrefOf } from '../state/use-route.ts';

/** The first thing a member reads: votes to cast, decisions to acknowledge, deadlines ahead. */
export function ForMePanel({ forMe }: { forMe: ForMe | undefined }) {
  const { t, formatDateTime } = useI18n();
  if (!forMe) return null;
  const nothing = forMe.votes.length === 0 && forMe.decisions.length === 0 && forMe.deadlines.length === 0;
  return (
    <section className="card for-me" aria-labelledby="for-me-title" data-testid="for-me">
      <h2 id="for-me-title">{t('forMe.title')}</h2>
      {nothing && <p className="muted">{t('forMe.nothing')}</p>}
      {forMe.votes.length > 0 && (
        <>
          <h3>{t('forMe.votes', { n: forMe.votes.length })}</h3>
          <ul>
            {forMe.votes.map((v) => (
              <li key={v.pollId}>
                <a href={hrefOf({ name: 'activity', id: v.activityId, tab: 'decide' })}>{v.question}</a>
                <span className="muted small"> · {v.activityTitle} · {t('forMe.until', { when: formatDateTime(v.deadline) })}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {forMe.decisions.length > 0 && (
        <>
          <h3>{t('forMe.decisions', { n: forMe.decisions.length })}</h3>
          <ul>
            {forMe.decisions.map((d) => (
              <li key={d.activityId}>
                <a href={hrefOf({ name: 'activity', id: d.activityId, tab: 'decide' })}>{d.activityTitle}</a>
                <span className="muted small"> · {d.outcome}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      {forMe.deadlines.length > 0 && (
        <>
          <h3>{t('forMe.deadlines')}</h3>
          <ul>
            {forMe.deadlines.map((d) => (
              <li key={d.activityId}>
                <a href={hrefOf({ name: 'activity', id: d.activityId, tab: 'work' })}>{d.activityTitle}</a>
                <span className="muted small"> · {formatDateTime(d.deadline)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
