import { useI18n } from '../i18n/index.tsx';
import type { ConnectionState } from '../sync/activity-session.ts';

/** Always visible in an open activity: live, connecting, offline (kept locally), revoked. */
export function ConnectionBadge({ state }: { state: ConnectionState }) {
  const { t } = useI18n();
  const text =
    state.link === 'connected'
      ? state.synced
        ? t('connection.connected')
        : t('connection.connecting')
      : state.link === 'revoked'
        ? t('connection.revoked')
        : state.link === 'offline'
          ? t('connection.offline')
          : t('connection.connecting');
  const tone = state.link === 'connected' && state.synced ? 'live' : state.link === 'revoked' ? 'revoked' : state.link === 'offline' ? 'offline' : 'pending';
  return (
    <div className={`connection connection-${tone}`} role="status" aria-live="polite" data-testid="connection" data-state={tone}>
      <span className="connection-dot" aria-hidden="true" />
      <span className="visually-hidden">{t('app.labelled', { label: t('connection.label'), value: '' })}</span>
      {text}
    </div>
  );
}
