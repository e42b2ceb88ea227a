import { useI18n } from '../i18n/index.tsx';
import { useIdeas } from '../state/use-ideas.ts';
import { hrefOf } from '../state/use-route.ts';
import { useSignedIn } from '../state/use-session.tsx';
import { IdeaList } from './IdeaList.tsx';

/** A contributor's profile in a box: each of their ideas and what became of it. */
export function AuthorScreen({ boxId, userId }: { boxId: string; userId: string }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const list = useIdeas(api, boxId, { sort: 'newest', category: '', status: '', author: userId });
  const name = list.ideas[0]?.author.name ?? '';
  const answered = list.ideas.filter((i) => i.status !== 'new').length;
  return (
    <main id="main" className="page narrow ideas-page">
      <a className="back-link" href={hrefOf({ name: 'idea-box', id: boxId })}>← {t('ideas.backToBox')}</a>
      <h1>{name ? t('ideas.author.title', { name }) : t('ideas.author.untitled')}</h1>
      {list.status === 'ready' && (
        <p className="muted" data-testid="author-summary">
          {t('ideas.author.summary', { total: list.total, answered, votes: list.ideas.reduce((n, i) => n + i.votes, 0) })}
        </p>
      )}
      <IdeaList boxId={boxId} list={list} canVote />
    </main>
  );
}
