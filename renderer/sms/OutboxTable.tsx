import { Fragment, useState } from 'react';
import { SmsStatus, type SmsMessage } from '#core/api/sms';
import { useSmsFormat, useSmsText } from '../i18n/sms.ts';
import { useOutbox, useSmsCounts } from '../state/use-sms.ts';

const statuses = SmsStatus.options;

/** The delivery log: recipient, text, segments, cost, status; a row opens its timeline. */
export function OutboxTable() {
  const t = useSmsText();
  const format = useSmsFormat();
  const [status, setStatus] = useState<SmsStatus | ''>('');
  const [open, setOpen] = useState<string | null>(null);
  const { page, before, setBefore } = useOutbox(status);
  const counts = useSmsCounts();
  return (
    <section className="panel" aria-labelledby="outbox-title">
      <h2 id="outbox-title">{t('tab.outbox')}</h2>
      <div className="outbox-filter">
        <label>
          {t('filter')}{' '}
          <select value={status} onChange={(e) => setStatus(e.target.value as SmsStatus | '')}>
            <option value="">{t('status.all')}</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)} ({counts.data?.[s] ?? 0})
              </option>
            ))}
          </select>
        </label>
      </div>
      {page.status === 'failed' && <p role="alert">{page.error.message}</p>}
      {page.data?.messages.length === 0 && <p className="empty-state">{t('empty')}</p>}
      {page.data && page.data.messages.length > 0 && (
        <table className="outbox-table">
          <thead>
            <tr>
              <th>{t('recipient')}</th>
              <th>{t('text')}</th>
              <th>{t('segments')}</th>
              <th>{t('cost')}</th>
              <th>{t('status')}</th>
              <th>{t('when')}</th>
            </tr>
          </thead>
          <tbody>
            {page.data.messages.map((m) => (
              <Fragment key={m.id}>
                <tr className={`sms-row sms-${m.status}`} aria-expanded={open === m.id} onClick={() => setOpen(open === m.id ? null : m.id)}>
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
                    <button type="button" className="link-button" aria-label={`${t('timeline')}: ${m.text}`}>
                      <span className={`sms-status sms-status-${m.status}`}>{t(`status.${m.status}`)}</span>
                    </button>
                    {m.answer && <span className="sms-answer"> {t('answer')}: {m.answer}</span>}
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
      )}
      <div className="pager">
        {before !== null && (
          <button type="button" className="button ghost" onClick={() => setBefore(null)}>
            {t('newest')}
          </button>
        )}
        {page.data?.next && (
          <button type="button" className="button ghost" onClick={() => setBefore(page.data?.next ?? null)}>
            {t('older')}
          </button>
        )}
      </div>
    </section>
  );
}

/** Every step of one message, oldest first, with the provider's words. */
export function MessageTimeline({ message }: { message: SmsMessage }) {
  const t = useSmsText();
  const format = useSmsFormat();
  return (
    <ol className="sms-timeline" aria-label={t('timeline')}>
      {message.history.map((h, i) => (
        <li key={i}>
          <span className={`sms-status sms-status-${h.status}`}>{t(`status.${h.status as SmsStatus}`)}</span>{' '}
          <time dateTime={h.at}>{format.when(h.at)}</time>
          {h.detail && <span className="muted small"> — {h.detail}</span>}
        </li>
      ))}
    </ol>
  );
}
