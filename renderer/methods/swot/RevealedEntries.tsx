import { useMemo, useState } from 'react';
import type { PollView } from '#core/api/poll-view';
import { quadrants } from '#core/methods/swot';
import { boardKey, putEntriesOnBoard, revealedEntries, type RevealedEntry } from '../../actions/private-first.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useSwotBoard } from '../../state/use-swot-board.ts';
import { useBoard } from './board-context.ts';

/** An anonymous entry's author on the board: one id for all, the count in the name. */
const anonymousId = 'anonymous';

/**
 * The revealed entries, per quadrant, with who wrote them (unless the round was
 * anonymous); the facilitator puts them on the shared board.
 */
export function RevealedEntries({ poll, facilitator }: { poll: PollView; facilitator: boolean }) {
  const { t } = useI18n();
  const { doc, actor } = useBoard();
  const [put, setPut] = useState<number | null>(null);
  const entries = useMemo(
    () => revealedEntries(poll, (count) => ({ id: anonymousId, name: count > 1 ? t('privateFirst.anonymousAuthors', { count }) : t('privateFirst.anonymousAuthor') })),
    [poll, t],
  );
  const result = poll.results?.kind === 'entries' ? poll.results : null;
  const board = useSwotBoard(doc);
  const allOnBoard = useMemo(() => {
    const there = new Set(quadrants.flatMap((q) => board.quadrants[q].map((i) => boardKey(i.quadrant, i.authorId, i.text))));
    return entries.length > 0 && entries.every((e) => there.has(boardKey(e.quadrant, e.author.id, e.text)));
  }, [board, entries]);
  const grouped = useMemo(() => {
    const byText = new Map<string, RevealedEntry[]>();
    for (const e of entries) {
      const key = boardKey(e.quadrant, '', e.text);
      byText.set(key, [...(byText.get(key) ?? []), e]);
    }
    return [...byText.values()];
  }, [entries]);

  const entriesGrid = (
    <div className="private-entries-grid">
      {quadrants.map((q) => (
        <div key={q} className={`private-quadrant quadrant-${q}`}>
          <h4>{t(`swot.${q}`)}</h4>
          <ul className="private-entry-list">
            {grouped
              .filter((g) => g[0]?.quadrant === q)
              .map((g) => (
                <li key={`${q}-${g[0]?.text}`}>
                  <span>{g[0]?.text}</span>
                  <span className="muted small">{t('privateFirst.by', { names: g.map((e) => e.author.name).join(', ') })}</span>
                </li>
              ))}
          </ul>
        </div>
      ))}
    </div>
  );

  return (
    <div className="revealed-entries" data-testid="revealed-entries">
      {result && <p>{t('privateFirst.revealed', { total: result.total, n: result.contributors })}</p>}
      {allOnBoard ? (
        <details>
          <summary>{t('privateFirst.allOnBoard', { n: entries.length })}</summary>
          {entriesGrid}
        </details>
      ) : (
        entriesGrid
      )}
      {facilitator && entries.length > 0 && (!allOnBoard || put !== null) && (
        <div className="form-actions">
          {put !== null && <span className="muted small" role="status">{put > 0 ? t('privateFirst.putDone', { n: put }) : t('privateFirst.putNone')}</span>}
          <button type="button" className="button primary" onClick={() => setPut(putEntriesOnBoard(doc, actor, entries))}>
            {t('privateFirst.put')}
          </button>
        </div>
      )}
    </div>
  );
}
