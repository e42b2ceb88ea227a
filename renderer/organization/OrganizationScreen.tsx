import { useState } from 'react';
import { formatBytes } from '#core/plans/plans';
import { resendConfirmation } from '../actions/organizations.ts';
import { organizationUsage } from '../api/organizations.ts';
import { TableScroll } from '../components/TableScroll.tsx';
import { useSubmit } from '../components/use-submit.ts';
import { FormError } from '../components/Field.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useAsync } from '../state/use-async.ts';
import { useSignedIn } from '../state/use-session.tsx';
import { RetentionSection } from './RetentionSection.tsx';
import { RightsSection } from './RightsSection.tsx';
import { UsageMeter } from './UsageMeter.tsx';
import '../styles/organization.css';

/** The organisation's plan, what it allows, and each person's figures against it (administrators see everyone). */
export function OrganizationScreen() {
  const { t } = useI18n();
  const { api, me } = useSignedIn();
  const usage = useAsync(() => organizationUsage(api), [api]);
  const resend = useSubmit();
  const [resent, setResent] = useState(false);
  if (usage.status === 'loading') return <main id="main" className="page"><p className="muted">{t('app.loading')}</p></main>;
  if (usage.status === 'failed') return <main id="main" className="page"><p role="alert" className="notice">{usage.error.message}</p></main>;
  const u = usage.data;
  const { openActivitiesPerPerson: maxOpen, storageBytesPerPerson: maxStorage, retentionDays } = u.limits;
  return (
    <main id="main" className="page">
      <h1>{t('organization.title')}</h1>
      <p>{t('organization.plan', { plan: u.planName })}</p>
      {!u.emailConfirmed && (
        <form
          className="notice"
          role="status"
          onSubmit={resend.onSubmit(async () => {
            await resendConfirmation(api);
            setResent(true);
          })}
        >
          <p>{t('organization.unconfirmed')}</p>
          {resent ? <p>{t('organization.resent')}</p> : <button className="button" type="submit" disabled={resend.busy}>{t('organization.resend')}</button>}
          <FormError message={resend.message} />
        </form>
      )}
      <section className="card" aria-labelledby="plan-limits">
        <h2 id="plan-limits">{t('organization.limits')}</h2>
        <ul>
          <li>{maxOpen === null ? t('app.labelled', { label: t('organization.openActivities'), value: t('organization.noLimit') }) : t('organization.openActivitiesLimit', { max: maxOpen })}</li>
          <li>{maxStorage === null ? t('app.labelled', { label: t('organization.storage'), value: t('organization.noLimit') }) : t('organization.storageLimit', { max: formatBytes(maxStorage) })}</li>
          <li>{retentionDays === null ? t('organization.retentionForever') : t('organization.retention', { days: retentionDays })}</li>
          <li>
            {t('app.labelled', { label: t('organization.perGroup'), value: u.limits.perGroupSecurity ? t('organization.perGroupYes') : t('organization.perGroupNo') })}
          </li>
        </ul>
        {u.lifts.openActivities && <p className="muted">{t('organization.lifts', { plan: u.lifts.openActivities })}</p>}
      </section>
      <section className="card" aria-labelledby="plan-people">
        <h2 id="plan-people">{t('organization.people')}</h2>
        {u.totals && (
          <p className="muted">{t('organization.totals', { people: u.totals.people, open: u.totals.openActivities, storage: formatBytes(u.totals.storageBytes) })}</p>
        )}
        <TableScroll label={t('organization.people')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('organization.person')}</th>
                <th scope="col">{t('organization.openActivities')}</th>
                <th scope="col">{t('organization.storage')}</th>
              </tr>
            </thead>
            <tbody>
              {(u.people ?? [u.me]).map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.name}</th>
                  <td>
                    <UsageMeter label={`${p.name}, ${t('organization.openActivities')}`} used={p.openActivities} max={maxOpen} />
                  </td>
                  <td>
                    <UsageMeter label={`${p.name}, ${t('organization.storage')}`} used={p.storageBytes} max={maxStorage} format={formatBytes} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      </section>
      {me.role === 'admin' && <RightsSection />}
      {me.role === 'admin' && <RetentionSection />}
    </main>
  );
}
