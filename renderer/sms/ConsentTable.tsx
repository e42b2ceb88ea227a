import { useState } from 'react';
import type { ConsentEntry } from '#core/api/sms';
import { recordOptIn, recordOptOut } from '../actions/sms.ts';
import { FormError, RefusalNotice } from '../components/Field.tsx';
import { useSmsFormat } from './use-sms-format.ts';
import { useSignedIn } from '../state/use-session.tsx';
import { useConsents } from '../state/use-sms.ts';
import { consentHowText } from './relay-words.ts';
import { useI18n } from '../i18n/index.tsx';
import { useSubmit } from '../components/use-submit.ts';
import { TableScroll } from '../components/TableScroll.tsx';

/** Everyone's SMS consent, with who recorded the last change, how and when. */
export function ConsentTable() {
  const { t } = useI18n();
  const consents = useConsents();
  return (
    <section className="panel" aria-labelledby="consent-title">
      <h2 id="consent-title">{t('sms.tab.people')}</h2>
      {consents.status === 'failed' && <RefusalNotice error={consents.error} />}
      {consents.data && (
        <TableScroll label={t('sms.tab.people')}>
          <table className="consent-table">
            <thead>
              <tr>
                <th>{t('sms.recipient')}</th>
                <th>{t('sms.people.phone')}</th>
                <th>{t('sms.people.state')}</th>
                <th>{t('sms.people.last')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {consents.data.map((p) => (
                <ConsentRow key={p.userId} person={p} onChange={consents.reload} />
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}

function ConsentRow({ person, onChange }: { person: ConsentEntry; onChange(): void }) {
  const { t } = useI18n();
  const format = useSmsFormat();
  const { api } = useSignedIn();
  const [how, setHow] = useState('');
  const submission = useSubmit();
  const last = person.history[person.history.length - 1];
  const change = (optIn: boolean) =>
    submission.run(async () => {
      const said = how.trim() || t('sms.howDefault');
      await (optIn ? recordOptIn(api, person.userId, said) : recordOptOut(api, person.userId, said));
      setHow('');
      onChange();
    });
  return (
    <tr className={`consent-${person.state}`}>
      <td>{person.name}</td>
      <td>{person.phone ?? '—'}</td>
      <td>{t(`sms.state.${person.state}`)}</td>
      <td className="small">
        {last
          ? t('sms.change', { action: t(`sms.action.${last.action}`), how: consentHowText(last.how, t), by: last.byName ?? '—', when: format.when(last.at) })
          : '—'}
      </td>
      <td>
        {person.phone && (
          <div className="consent-actions">
            <input aria-label={`${t('sms.how')} (${person.name})`} placeholder={t('sms.howDefault')} value={how} onChange={(e) => setHow(e.target.value)} />
            {person.state === 'in' ? (
              <button type="button" className="button ghost" disabled={submission.busy} onClick={() => void change(false)}>
                {t('sms.optOut')}
              </button>
            ) : (
              <button type="button" className="button ghost" disabled={submission.busy} onClick={() => void change(true)}>
                {t('sms.optIn')}
              </button>
            )}
          </div>
        )}
        <FormError message={submission.message} />
      </td>
    </tr>
  );
}
