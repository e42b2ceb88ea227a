import { useEffect } from 'react';
import type { Activity } from '#core/api/activities';
import { useI18n } from '../i18n/index.tsx';
import { DecisionSection } from '../methods/polls/DecisionSection.tsx';
import { usePolls } from '../state/use-polls.ts';
import { useSignedIn } from '../state/use-session.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { forgetCopyOf } from '../sync/device-copies.ts';
import { ActivityTitle } from './ActivityTitle.tsx';

/**
 * A closed activity whose content its plan's retention removed (README "Retention"):
 * what stays — title, question, decision — and when and why the rest went. Nothing
 * connects to the relay's document, which no longer exists.
 */
export function RemovedActivity({ activity, removed, reload }: { activity: Activity; removed: { at: string; plan: string }; reload(): void }) {
  const { t, formatDateTime } = useI18n();
  const { api, me } = useSignedIn();
  const { decision, setDecision } = usePolls(api, activity.id);
  // Nothing of the removed content stays on this device either.
  useEffect(() => void forgetCopyOf(api.base, me.id, activity.id), [api, me.id, activity.id]);
  return (
    <main id="main" className="page activity">
      <div className="activity-head">
        <div className="activity-head-main">
          <ActivityTitle title={activity.title} question={activity.question} />
          <div className="activity-badges">
            <StatusBadge status={activity.status} />
          </div>
        </div>
      </div>
      <p role="status" className="notice">
        {t('activity.contentRemoved', { date: formatDateTime(removed.at), plan: removed.plan })}
      </p>
      <DecisionSection
        activityId={activity.id}
        decision={decision}
        canFacilitate={false}
        onChange={(record) => {
          setDecision(record);
          reload();
        }}
      />
    </main>
  );
}
