import { organizationUsage } from '../api/organizations.ts';
import { useI18n } from '../i18n/index.tsx';
import { useAsync } from '../state/use-async.ts';
import { useSignedIn } from '../state/use-session.tsx';
import '../styles/organization.css';

/**
 * Before anyone hits the open-activity limit: one short of it, says where they stand and
 * which plan lifts it ("4 of 5 open activities — the Professional plan lifts this"); at it,
 * what to do. Nothing when the plan has no such limit or the person is far from it.
 */
export function PlanNote() {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const usage = useAsync(() => organizationUsage(api), [api]);
  if (usage.status !== 'ready') return null;
  const { limits, me, lifts, planName } = usage.data;
  const max = limits.openActivitiesPerPerson;
  if (max === null || me.openActivities < max - 1) return null;
  const values = { used: me.openActivities, max, plan: planName, lift: lifts.openActivities ?? '', hasLift: lifts.openActivities ? 'yes' : 'no' };
  const text =
    me.openActivities >= max ? t('plan.noteFull', values) : lifts.openActivities ? t('plan.noteNear', values) : t('plan.noteNearNoLift', values);
  return (
    <p className="notice plan-note" role="note">
      {text}
    </p>
  );
}
