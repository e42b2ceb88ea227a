import type { DecisionRecord } from '#core/api/decisions';
import { useI18n } from '../../i18n/index.tsx';

/** The activity's boards as the record kept them when it was published, in the reader's language. */
export function RecordedBoards({ record }: { record: DecisionRecord }) {
  const { t, locale } = useI18n();
  if (!record.boards || record.boards.length === 0) return null;
  return (
    <section className="recorded-results" aria-label={t('record.boards')} data-testid="recorded-boards">
      <h3>{t('record.boards')}</h3>
      {record.boards.map((board) => (
        <div key={board.id} className="recorded-poll">
          <h4>{board[locale].title}</h4>
          <ul>
            {board[locale].lines.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
            {board.more > 0 && <li className="muted">{t('record.more', { n: board.more })}</li>}
          </ul>
        </div>
      ))}
    </section>
  );
}
