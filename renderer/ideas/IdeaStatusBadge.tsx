import type { IdeaStatus } from '#core/api/ideas';
import { useI18n } from '../i18n/index.tsx';

export function IdeaStatusBadge({ status }: { status: IdeaStatus }) {
  const { t } = useI18n();
  return (
    <span className={`badge idea-status-${status}`} data-testid="idea-status">
      {t(`ideas.status.${status}`)}
    </span>
  );
}
