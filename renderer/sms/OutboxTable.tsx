import { Fragment, useState } from 'react';
import { SmsStatus, type SmsMessage } from '#core/api/sms';
import { useSmsFormat } from './use-sms-format.ts';
import { useOutbox, useSmsCounts } from '../state/use-sms.ts';
import { detailText } from './relay-words.ts';
import { useI18n } from '../i18n/index.tsx';
import { RefusalNotice } from '../components/Field.tsx';
import { TableScroll } from '../components/TableScroll.tsx';

const statuses = SmsStatus.options;

/** The delivery log: recipient, text, segments, cost, status; a row opens its timeline. */
export function OutboxTable() {
  const { t } = useI18n();
  const format = useSmsFormat();
  const [status, setStatus] = useState<SmsStatus | ''>('');
  const [open, setOpen] = useState<string | null>(null);
  const { page, before, setBefore } = useOutbox(status);
  const counts = useSmsCounts();
  return (
    <section className="panel" aria-labelledby="outbox-title">
      <h2 id="outbox-title">{t('sms.tab.outbox')}</h2>
      <div className="outbox-filter">
        <label>
          {t('sms.filter')}{' '}
          <select value={status} onChange={(e) => setStatus(e.target.value as SmsStatus | '')}>
            <option value="">{t('sms.status.all')}</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {t(`sms.status.${s}`)} ({counts.data?.[s] ?? 0})
              </option>
            ))}
          </select>
        </label>
      </div>
      {page.status === 'failed' && <RefusalNotice error={page.error} />}
      {page.data?.messages.length === 0 && <p className="empty-state">{t('sms.empty')}</p>}
      {page.data && page.data.messages.length > 0 && (
        <TableScroll label={t('sms.tab.outbox')}>
          <table className="outbox-table">
            <thead>
              <tr>
                <th>{t('sms.recipient')}</th>
                <th>{t('sms.text')}</th>
                <th>{t('sms.segments')}</th>
                <th>{t('sms.cost')}</th>
                <th>{t('sms.status')}</th>
                <th>{t('sms.when')}</th>
              </tr>
            </thead>
            <tbody>
              {page.data.messages.map((m) => (
                <Fragment key={m.id}>
                  <tr className={`sms-row sms-${m.status}`} onClick={() => setOpen(open === m.id ? null : m.id)}>
                    <td>
                      {m.recipientName ?? m.to}
                      {m.recipientName && <span className="muted small"> {m.to}</span>}
                    </td>
                    <td className="sms-text">{m.text}</td>
                    <td>
                      {m.segments} <span className="muted small">{m.encoding}</span>
                    </td>
                    <td>{format.money(m.costMicros)}</td>
                    <td>
                      <button type="button" className="link-button" aria-expanded={open === m.id}>
                        <span className={`sms-status sms-status-${m.status}`}>{t(`sms.status.${m.status}`)}</span>
                        <span className="visually-hidden"> — {t('sms.timeline')}</span>
                      </button>
                      {m.answer && <span className="sms-answer"> {t('app.labelled', { label: t('sms.answer'), value: m.answer })}</span>}
                    </td>
                    <td className="small">{format.when(m.createdAt)}</td>
                  </tr>
                  {open === m.id && (
                    <tr className="sms-timeline-row">
                      <td colSpan={6}>
                        <MessageTimeline message={m} />
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </TableScroll>
      )}
      <div className="pager">
        {before !== null && (
          <button type="button" className="button ghost" onClick={() => setBefore(null)}>
            {t('sms.newest')}
          </button>
        )}
        {page.data?.next && (
          <button type="button" className="button ghost" onClick={() => setBefore(page.data?.next ?? null)}>
            {t('sms.older')}
          </button>
        )}
      </div>
    </section>
  );
}

/** Every step of one message, oldest first, with the provider's words. */
export function MessageTimeline({ message }: { message: SmsMessage }) {
  const { t } = useI18n();
  const format = useSmsFormat();
  return (
    <ol className="sms-timeline" aria-label={t('sms.timeline')}>
      {message.history.map((h, i) => (
        <li key={i}>
          <span className={`sms-status sms-status-${h.status}`}>{t(`sms.status.${h.status as SmsStatus}`)}</span>{' '}
          <time dateTime={h.at}>{format.when(h.at)}</time>
          {h.detail && <span className="muted small"> — {detailText(h.detail, t, format.when)}</span>}
        </li>
      ))}
    </ol>
  );
}
