import { useState, type FormEvent } from 'react';
import { ActivityRole, type ActivityMember } from '#core/api/activities';
import { addMember, changeMemberRole, removeMember, type Subject } from '../actions/activities.ts';
import { listGroups, listMembers, listUsers } from '../api/endpoints.ts';
import { FormError } from '../components/Field.tsx';
import { useSubmit } from '../components/use-submit.ts';
import { useI18n } from '../i18n/index.tsx';
import { useAsync } from '../state/use-async.ts';
import { useSignedIn } from '../state/use-session.tsx';
import { InviteByEmail } from '../people/InviteByEmail.tsx';
import { ConfirmButton } from '../components/ConfirmButton.tsx';
import { EffectivePeople } from './EffectivePeople.tsx';

/** Who is in the activity and with which role; a facilitator invites, changes, removes. */
export function MembersPanel({ activityId, canManage }: { activityId: string; canManage: boolean }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const submit = useSubmit();
  const members = useAsync(() => listMembers(api, activityId), [api, activityId]);
  const directory = useAsync(async () => ({ users: await listUsers(api), groups: await listGroups(api) }), [api]);
  const [current, setCurrent] = useState<ActivityMember[] | null>(null);
  const [who, setWho] = useState('');
  const [role, setRole] = useState<ActivityRole>('contributor');
  const list = current ?? members.data ?? [];

  const run = (change: () => Promise<ActivityMember[]>) => submit.run(async () => setCurrent(await change()));

  function invite(e: FormEvent) {
    e.preventDefault();
    const [kind, id] = who.split(':');
    if (!kind || !id) return;
    void run(() => addMember(api, activityId, { kind: kind as Subject['kind'], id }, role)).then((done) => done && setWho(''));
  }

  const present = new Set(list.map((m) => `${m.kind}:${m.id}`));
  const picked = who.startsWith('group:') ? directory.data?.groups.find((g) => `group:${g.id}` === who) : undefined;
  const nameOf = new Map((directory.data?.users ?? []).map((u) => [u.id, u.name]));
  return (
    <section className="card members" aria-labelledby="members-title">
      <h2 id="members-title">{t('members.title')}</h2>
      {!canManage && <p className="muted small">{t('members.onlyFacilitator')}</p>}
      {canManage && (
        <form className="invite-form" onSubmit={invite} aria-label={t('members.invite')}>
          <label className="field inline">
            <span>{t('members.who')}</span>
            <select value={who} onChange={(e) => setWho(e.target.value)} required>
              <option value="">{t('members.choose')}</option>
              <optgroup label={t('members.people')}>
                {(directory.data?.users ?? [])
                  .filter((u) => !present.has(`user:${u.id}`))
                  .map((u) => (
                    <option key={u.id} value={`user:${u.id}`}>
                      {u.name} ({u.email})
                    </option>
                  ))}
              </optgroup>
              <optgroup label={t('members.groups')}>
                {(directory.data?.groups ?? [])
                  .filter((g) => !present.has(`group:${g.id}`))
                  .map((g) => (
                    <option key={g.id} value={`group:${g.id}`}>
                      {g.name}
                    </option>
                  ))}
              </optgroup>
            </select>
          </label>
          <label className="field inline">
            <span>{t('members.role')}</span>
            <select value={role} onChange={(e) => setRole(e.target.value as ActivityRole)}>
              {ActivityRole.options.map((r) => (
                <option key={r} value={r}>
                  {t(`role.${r}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button primary" disabled={!who}>
            {t('members.add')}
          </button>
          {picked && (
            <p className="muted small group-preview" role="status">
              {picked.members.length === 0
                ? t('members.groupPreviewEmpty')
                : t('members.groupPreview', { names: picked.members.map((id) => nameOf.get(id) ?? id).sort((a, b) => a.localeCompare(b)).join(', ') })}
            </p>
          )}
        </form>
      )}
      <FormError message={submit.message} />
      {canManage && <InviteByEmail activityId={activityId} onAdded={members.reload} />}
      <ul className="member-list" aria-label={t('members.title')}>
        {list.map((m) => (
          <li key={`${m.kind}:${m.id}`} className="member-row" data-testid="member">
            <span className="member-name">
              {m.name}
              {m.kind === 'group' && <span className="muted small"> · {t('members.group')}</span>}
            </span>
            {canManage ? (
              <>
                <select
                  aria-label={t('members.roleOf', { name: m.name })}
                  value={m.role}
                  onChange={(e) => void run(() => changeMemberRole(api, activityId, m, e.target.value as ActivityRole))}
                >
                  {ActivityRole.options.map((r) => (
                    <option key={r} value={r}>
                      {t(`role.${r}`)}
                    </option>
                  ))}
                </select>
                <ConfirmButton
                  className="button ghost small danger"
                  label={t('members.removeWho', { name: m.name })}
                  question={t('members.removeConfirm', { name: m.name })}
                  confirm={t('members.removeYes')}
                  onConfirm={() => void run(() => removeMember(api, activityId, m))}
                >
                  {t('members.remove')}
                </ConfirmButton>
              </>
            ) : (
              <span className="muted">{t(`role.${m.role}`)}</span>
            )}
          </li>
        ))}
      </ul>
      <EffectivePeople activityId={activityId} members={list} />
    </section>
  );
}
