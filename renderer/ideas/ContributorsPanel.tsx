import { listContributors } from '../api/ideas.ts';
import { useI18n } from '../i18n/index.tsx';
import { useAsync } from '../state/use-async.ts';
import { hrefOf } from '../state/use-route.ts';
import { useSignedIn } from '../state/use-session.tsx';

/** Top contributors: most votes received, then most ideas. */
export function ContributorsPanel({ boxId }: { boxId: string }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const people = useAsync(() => listContributors(api, boxId), [api, boxId]);
  return (
    <section className="card side-card" aria-labelledby="contributors-title">
      <h2 id="contributors-title">{t('ideas.contributors')}</h2>
      {people.status === 'ready' && people.data.length === 0 && <p className="muted small">{t('ideas.contributors.none')}</p>}
      <ol className="contributors">
        {(people.data ?? []).slice(0, 10).map((p) => (
          <li key={p.id}>
            <a href={hrefOf({ name: 'idea-author', boxId, userId: p.id })}>{p.name}</a>
            <span className="muted small">
              {t('ideas.contributors.line', { ideas: p.ideas, votes: p.votes, accepted: p.accepted + p.implemented })}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
