import { readAllActionItems } from '#core/doc/action-items';
import { methodsOf } from '#core/doc/methods';
import type * as Y from 'yjs';
import { useI18n } from '../../i18n/index.tsx';
import { useDocValue } from '../../state/use-doc-value.ts';
import { formatDay, overdueHere } from './day.ts';

/** For the facilitator, at the top of the action items: those open past their due day, live. */
export function OverdueNotice({ doc }: { doc: Y.Doc }) {
  const { t, locale } = useI18n();
  const overdue = useDocValue(methodsOf(doc), () => readAllActionItems(doc).filter(overdueHere));
  if (overdue.length === 0) return null;
  return (
    <div className="notice overdue-notice" role="status" data-testid="overdue-actions">
      <p>
        <strong>{t('actions.overdueCount', { n: overdue.length })}</strong>
      </p>
      <ul>
        {overdue.slice(0, 20).map((item) => (
          <li key={`${item.boardId}/${item.id}`}>
            {item.title} · {item.ownerName} · {t('actions.dueOn', { day: formatDay(locale, item.due) })}
          </li>
        ))}
      </ul>
    </div>
  );
}
