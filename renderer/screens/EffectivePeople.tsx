import type { ActivityMember, ActivityPerson } from '#core/api/activities';
import { listActivityPeople } from '../api/endpoints.ts';
import { useI18n } from '../i18n/index.tsx';
import { useAsync } from '../state/use-async.ts';
import { useSignedIn } from '../state/use-session.tsx';

/**
 * "Who takes part": every person with the role that counts and where it comes from
 * (named directly, or through a group); a direct role wins over a group's, and when the
 * group would give another role the row says so. Reloaded whenever `members` changes.
 */
export function EffectivePeople({ activityId, members }: { activityId: string; members: ActivityMember[] }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  // The members as a string: a new array with the same members does not reload.
  const version = members.map((m) => `${m.kind}:${m.id}:${m.role}`).join();
  const people = useAsync(() => listActivityPeople(api, activityId), [api, activityId, version]);
  if (people.status !== 'ready') return null;
  return (
    <>
      <h3 id="effective-title">{t('members.effective.title')}</h3>
      <ul className="member-list" aria-labelledby="effective-title">
        {people.data.map((p) => (
          <li key={p.userId} className="member-row" aria-label={p.name}>
            <span className="member-name">
              {p.name}
              {p.guest && <span className="badge">{t('people.guest')}</span>}
            </span>
            <span>{t(`role.${p.role}`)}</span>
            <span className="muted small">{sourceOf(p, t)}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

function sourceOf(p: ActivityPerson, t: ReturnType<typeof useI18n>['t']) {
  const from = p.via === 'group' && p.group ? t('members.effective.group', { group: p.group.name }) : t('members.effective.direct');
  if (!p.overridden) return from;
  return `${from} · ${t('members.effective.overridden', { group: p.overridden.groupName, role: t(`role.${p.overridden.role}`) })}`;
}
