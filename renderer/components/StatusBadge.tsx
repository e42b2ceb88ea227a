import type { ActivityRole, ActivityStatus } from '#core/api/activities';
import { useI18n } from '../i18n/index.tsx';

export function StatusBadge({ status }: { status: ActivityStatus }) {
  const { t } = useI18n();
  return <span className={`badge status-${status}`}>{t(`status.${status}`)}</span>;
}

export function RoleBadge({ role }: { role: ActivityRole }) {
  const { t } = useI18n();
  return <span className={`badge role-${role}`}>{t(`role.${role}`)}</span>;
}
