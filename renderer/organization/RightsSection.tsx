import { useState } from 'react';
import type { OrganizationRights, RightSetting } from '#core/api/organizations';
import type { Group } from '#core/api/users';
import { setRight } from '../actions/organizations.ts';
import { listGroups } from '../api/endpoints.ts';
import { organizationRights } from '../api/organizations.ts';
import { FormError } from '../components/Field.tsx';
import { useSubmit } from '../components/use-submit.ts';
import { useI18n } from '../i18n/index.tsx';
import { useAsync } from '../state/use-async.ts';
import { useSignedIn } from '../state/use-session.tsx';

/** Administrators: who besides them holds each right (core/people/rights.ts), where the plan allows rights per group. */
export function RightsSection() {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const rights = useAsync(() => organizationRights(api), [api]);
  const groups = useAsync(() => listGroups(api), [api]);
  if (rights.status !== 'ready' || groups.status !== 'ready') {
    const failed = rights.status === 'failed' ? rights.error : groups.status === 'failed' ? groups.error : null;
    return (
      <section className="card" aria-labelledby="rights-title">
        <h2 id="rights-title">{t('rights.title')}</h2>
        {failed ? <p role="alert" className="notice">{failed.message}</p> : <p className="muted">{t('app.loading')}</p>}
      </section>
    );
  }
  return <RightsForm settings={rights.data} groups={groups.data} />;
}

function RightsForm({ settings, groups }: { settings: OrganizationRights; groups: readonly Group[] }) {
  const { t } = useI18n();
  const [current, setCurrent] = useState(settings);
  return (
    <section className="card rights" aria-labelledby="rights-title">
      <h2 id="rights-title">{t('rights.title')}</h2>
      <p className="muted">{current.perGroupSecurity ? t('rights.intro') : t('rights.notOnPlan', { plan: current.planName })}</p>
      {current.rights.map((r) => (
        <RightForm key={r.right} setting={r} groups={groups} editable={current.perGroupSecurity} onSaved={setCurrent} />
      ))}
    </section>
  );
}

function RightForm({ setting, groups, editable, onSaved }: { setting: RightSetting; groups: readonly Group[]; editable: boolean; onSaved: (next: OrganizationRights) => void }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const submit = useSubmit();
  const [everyone, setEveryone] = useState(setting.everyone);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set(setting.groups.map((g) => g.id)));
  const [saved, setSaved] = useState(false);
  const id = `right-${setting.right}`;
  const toggle = (groupId: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(groupId);
    else next.delete(groupId);
    setChosen(next);
    setSaved(false);
  };
  return (
    <form
      className="right"
      aria-labelledby={`${id}-name`}
      onSubmit={submit.onSubmit(async () => {
        const next = await setRight(api, setting.right, { ...(setting.everyoneSetHere ? { everyone } : {}), groups: [...chosen] });
        setSaved(true);
        onSaved(next);
      })}
    >
      <fieldset disabled={!editable || submit.busy}>
        <legend id={`${id}-name`}>{t(`rights.${setting.right}`)}</legend>
        <p className="muted">{t(`rights.${setting.right}.what`)}</p>
        {setting.everyoneSetHere ? (
          <label className="checkbox">
            <input type="checkbox" checked={everyone} onChange={(e) => (setEveryone(e.target.checked), setSaved(false))} /> {t('rights.everyone')}
          </label>
        ) : (
          <p className="muted">{t(setting.right === 'textMany' ? 'rights.textMany.elsewhere' : 'rights.controlFigures.elsewhere')}</p>
        )}
        {groups.length === 0 ? (
          <p className="muted">{t('rights.noGroups')}</p>
        ) : (
          <div role="group" aria-label={t('rights.groupsOf', { right: t(`rights.${setting.right}`) })} className="right-groups">
            {groups.map((g) => (
              <label key={g.id} className="checkbox">
                <input type="checkbox" checked={chosen.has(g.id)} disabled={setting.everyoneSetHere && everyone} onChange={(e) => toggle(g.id, e.target.checked)} /> {g.name}
              </label>
            ))}
          </div>
        )}
        {editable && (
          <button className="button" type="submit">
            {t('rights.save')}
          </button>
        )}
        <p role="status" className="muted">{saved ? t('rights.saved') : ''}</p>
        <FormError message={submit.message} />
      </fieldset>
    </form>
  );
}
