import { useState } from 'react';
import type { ConsentEntry } from '#core/api/sms';
import { ApiError } from '../api/client.ts';
import { recordOptIn, recordOptOut } from '../actions/sms.ts';
import { FormError } from '../components/Field.tsx';
import { useSmsFormat, useSmsText } from '../i18n/sms.ts';
import { useSignedIn } from '../state/use-session.tsx';
import { useConsents } from '../state/use-sms.ts';

/** Everyone's SMS consent, with who recorded the last change, how and when. */
export function ConsentTable() {
  const t = useSmsText();
  const consents = useConsents();
  return (
    <section className="panel" aria-labelledby="consent-title">
      <h2 id="consent-title">{t('tab.people')}</h2>
      {consents.status === 'failed' && <p role="alert">{consents.error.message}</p>}
      {consents.data && (
        <table className="consent-table">
          <thead>
            <tr>
              <th>{t('recipient')}</th>
              <th>{t('people.phone')}</th>
              <th>{t('people.state')}</th>
              <th>{t('people.last')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {consents.data.map((p) => (
              <ConsentRow key={p.userId} person={p} onChange={consents.reload} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ConsentRow({ person, onChange }: { person: ConsentEntry; onChange(): void }) {
  const t = useSmsText();
  const format = useSmsFormat();
  const { api } = useSignedIn();
  const [how, setHow] = useState('');
  const [error, setError] = useState<string | null>(null);
  const last = person.history[person.history.length - 1];
  const change = async (optIn: boolean) => {
    setError(null);
    try {
      const said = how.trim() || t('howDefault');
      await (optIn ? recordOptIn(api, person.userId, said) : recordOptOut(api, person.userId, said));
      setHow('');
      onChange();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };
  return (
    <tr className={`consent-${person.state}`}>
      <td>{person.name}</td>
      <td>{person.phone ?? '—'}</td>
      <td>{t(`state.${person.state}`)}</td>
      <td className="small">
        {last
          ? t('change', { action: t(`action.${last.action}`), how: last.how, by: last.byName ?? '—', when: format.when(last.at) })
          : '—'}
      </td>
      <td>
        {person.phone && (
          <div className="consent-actions">
            <input aria-label={`${t('how')} (${person.name})`} placeholder={t('howDefault')} value={how} onChange={(e) => setHow(e.target.value)} />
            {person.state === 'in' ? (
              <button type="button" className="button ghost" onClick={() => void change(false)}>
                {t('optOut')}
              </button>
            ) : (
              <button type="button" className="button ghost" onClick={() => void change(true)}>
                {t('optIn')}
              </button>
            )}
          </div>
        )}
        <FormError message={error} />
      </td>
    </tr>
  );
}
