import { useI18n } from '../i18n/index.tsx';
import type { IdeaListView } from '../state/use-ideas.ts';
import { IdeaCard } from './IdeaCard.tsx';
import { RefusalNotice } from '../components/Field.tsx';

/** A page of ideas, and the way to the next. */
export function IdeaList({ boxId, list, canVote }: { boxId: string; list: IdeaListView; canVote: boolean }) {
  const { t } = useI18n();
  if (list.status === 'loading') return <p className="muted">{t('app.loading')}</p>;
  if (list.status === 'failed') return <RefusalNotice error={list.error} />;
  return (
    <>
      {list.ideas.length === 0 && <p className="empty-state">{t('ideas.empty')}</p>}
      <ul className="idea-list" aria-label={t('ideas.list')}>
        {list.ideas.map((idea) => (
          <li key={idea.id}>
            <IdeaCard boxId={boxId} idea={idea} canVote={canVote} onChange={list.replace} />
          </li>
        ))}
      </ul>
      {list.hasMore && (
        <button type="button" className="button wide" onClick={list.loadMore}>
          {t('ideas.more', { shown: list.ideas.length, total: list.total })}
        </button>
      )}
    </>
  );
}
