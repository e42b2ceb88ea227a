import { readAlert } from '../actions/figures.ts';
import { FormError } from '../components/Field.tsx';
import { useSubmit } from '../components/use-submit.ts';
import { useI18n } from '../i18n/index.tsx';
import { useFigureAlerts } from '../state/use-figures.ts';
import { useSignedIn } from '../state/use-session.tsx';

/** The controller's alerts: missing values, sends too late, SMS not delivered (who and why). */
export function AlertsPanel() {
  const { t, formatDateTime } = useI18n();
  const { api } = useSignedIn();
  const alerts = useFigureAlerts();
  const submission = useSubmit();
  const unread = (alerts.data ?? []).filter((a) => !a.readAt);
  return (
    <section className="card alerts-panel" aria-label={t('figures.alerts')}>
      <h2>{t('figures.alerts')}</h2>
      {alerts.status === 'ready' && unread.length === 0 && <p className="muted">{t('figures.alerts.none')}</p>}
      <ul className="alert-list">
        {unread.map((a) => (
          <li key={a.id} className={`alert alert-${a.kind}`} role="alert">
            <p>{a.text}</p>
            <p className="muted small">
              {formatDateTime(a.createdAt)}
              {a.sms ? ` · ${t('figures.alerts.sms', { sms: a.sms })}` : ''}
            </p>
            <button type="button" className="button ghost" onClick={() => void submission.run(async () => (await readAlert(api, a.id), alerts.reload()))}>
              {t('figures.alerts.read')}
            </button>
          </li>
        ))}
      </ul>
      <FormError message={submission.message} />
    </section>
  );
}
