import type { SendPreview } from '#core/api/figures';
import { TableScroll } from '../components/TableScroll.tsx';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { useFigureFormat } from '../state/use-figures.ts';

/**
 * The exact SMS each recipient will get — text, segments × encoding, cost, or why they
 * will not get it — as the relay computed it with core/sms, and the totals below.
 */
export function SmsPreviewTable({ preview, label }: { preview: SendPreview; label: string }) {
  const { t } = useI18n();
  const format = useFigureFormat();
  const cost = format.money(preview.totals.costMicros, preview.currency);
  return (
    <>
      <TableScroll label={label}>
        <table className="sms-preview" aria-label={label}>
          <thead>
            <tr>
              <th>{t('figures.recipient')}</th>
              <th>{t('figures.sms')}</th>
              <th>{t('figures.segments')}</th>
              <th>{t('figures.cost')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.recipients.map((r) => (
              <tr key={r.userId} className={r.excluded ? 'excluded' : undefined}>
                <td>{r.name}</td>
                <td>{r.excluded ? <span className="excluded-reason">{t(`figures.excluded.${r.excluded}` as MessageKey)}</span> : <span className="sms-text">{r.text}</span>}</td>
                <td>{r.excluded ? '—' : `${r.segments} × ${r.encoding}`}</td>
                <td>{r.excluded ? '—' : format.money(r.costMicros, preview.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      <p className="send-totals" role="status">
        {t('figures.totals', { receiving: preview.totals.receiving, segments: preview.totals.segments, cost, excluded: preview.totals.excluded })}
      </p>
    </>
  );
}
