import { useState } from 'react';
import { useSmsFormat } from './use-sms-format.ts';
import { useReplies } from '../state/use-sms.ts';
import { useI18n } from '../i18n/index.tsx';
import { RefusalNotice } from '../components/Field.tsx';
import { TableScroll } from '../components/TableScroll.tsx';

/** Replies that answer no message (for an admin to read), or every incoming SMS. */
export function RepliesInbox() {
  const { t } = useI18n();
  const format = useSmsFormat();
  const [all, setAll] = useState(false);
  const replies = useReplies(all);
  return (
    <section className="panel" aria-labelledby="replies-title">
      <h2 id="replies-title">{all ? t('sms.tab.replies') : t('sms.replies.unmatched')}</h2>
      <label className="small">
        <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} /> {t('sms.replies.all')}
      </label>
      {replies.status === 'failed' && <RefusalNotice error={replies.error} />}
      {replies.data?.length === 0 && <p className="empty-state">{t('sms.replies.none')}</p>}
      {replies.data && replies.data.length > 0 && (
        <TableScroll label={all ? t('sms.tab.replies') : t('sms.replies.unmatched')}>
          <table className="replies-table">
            <thead>
              <tr>
                <th>{t('sms.replies.from')}</th>
                <th>{t('sms.text')}</th>
                <th>{t('sms.replies.meaning')}</th>
                <th>{t('sms.replies.received')}</th>
              </tr>
            </thead>
            <tbody>
              {replies.data.map((r) => (
                <tr key={r.id}>
                  <td>
                    {r.name ?? r.from}
                    {r.name && <span className="muted small"> {r.from}</span>}
                  </td>
                  <td className="sms-text">{r.text}</td>
                  <td>
                    {t(`sms.meaning.${r.meaning}`)}
                    {r.answer && r.answer !== 'OK' ? ` ${r.answer}` : ''}
                  </td>
                  <td className="small">{format.when(r.receivedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
    </section>
  );
}
