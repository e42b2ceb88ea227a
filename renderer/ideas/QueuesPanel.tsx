import type { Idea } from '#core/api/ideas';
import type { IdeaQueues } from '#core/api/idea-funnel';
import { ideaQueues } from '../api/idea-funnel.ts';
import { useI18n, type MessageKey } from '../i18n/index.tsx';
import { useAsync } from '../state/use-async.ts';
import { hrefOf } from '../state/use-route.ts';
import { useSignedIn } from '../state/use-session.tsx';
import { CommentQueues } from './comments/CommentQueues.tsx';

const queues: { key: Exclude<keyof IdeaQueues, 'comments'>; label: MessageKey }[] = [
  { key: 'inbound', label: 'ideas.queues.inbound' },
  { key: 'reported', label: 'ideas.queues.reported' },
  { key: 'topVoted', label: 'ideas.queues.topVoted' },
  { key: 'offTopic', label: 'ideas.queues.offTopic' },
];

/** A facilitator's queues: ideas to review, reported, the top voted to study, off topic, each opening the idea; comments to approve and reported. */
export function QueuesPanel({ boxId }: { boxId: string }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const loaded = useAsync(() => ideaQueues(api, boxId), [api, boxId]);
  return (
    <section className="card side-card idea-queues" aria-labelledby="queues-title" data-testid="idea-queues">
      <h2 id="queues-title">{t('ideas.queues.title')}</h2>
      {queues.map(({ key, label }) => {
        const ideas: Idea[] = loaded.data?.[key] ?? [];
        return (
          <details key={key} open={key === 'inbound' && ideas.length > 0} data-queue={key}>
            <summary>{t(label, { count: ideas.length })}</summary>
            {ideas.length === 0 ? (
              <p className="muted small">{t('ideas.queues.empty')}</p>
            ) : (
              <ul className="queue-list">
                {ideas.map((idea) => (
                  <li key={idea.id}>
                    <a href={hrefOf({ name: 'idea', boxId, ideaId: idea.id })}>{idea.title}</a>{' '}
                    <span className="muted small">{t('ideas.queues.votes', { count: idea.votes })}</span>
                  </li>
                ))}
              </ul>
            )}
          </details>
        );
      })}
      <CommentQueues boxId={boxId} queued={loaded.data?.comments} onChanged={loaded.reload} />
    </section>
  );
}
