import type { CommentQueues as Queues, QueuedComment } from '#core/api/idea-comments';
import { reportReasons, type ReportReason } from '#core/ideas/moderation';
import { useI18n, type MessageKey } from '../../i18n/index.tsx';
import { hrefOf } from '../../state/use-route.ts';
import { CommentModeration } from './CommentModeration.tsx';

const isReason = (reason: string): reason is ReportReason => (reportReasons as readonly string[]).includes(reason);

const queues: { key: keyof Queues; label: MessageKey }[] = [
  { key: 'pending', label: 'ideaComments.queues.pending' },
  { key: 'reported', label: 'ideaComments.queues.reported' },
];

/**
 * The facilitators' comment queues of a box: those pre-moderation holds back, and those
 * reported, each with its idea, its author, its reports, and the hands to approve or hide it.
 */
export function CommentQueues({ boxId, queued, onChanged }: { boxId: string; queued: Queues | undefined; onChanged(): void }) {
  const { t } = useI18n();
  return (
    <>
      {queues.map(({ key, label }) => {
        const comments: QueuedComment[] = queued?.[key] ?? [];
        return (
          <details key={key} open={comments.length > 0} data-queue={`comments-${key}`}>
            <summary>{t(label, { count: comments.length })}</summary>
            {comments.length === 0 ? (
              <p className="muted small">{t('ideas.queues.empty')}</p>
            ) : (
              <ul className="queue-list comment-queue">
                {comments.map((c) => (
                  <li key={c.id} data-testid="queued-comment">
                    <p className="small muted">
                      <a href={hrefOf({ name: 'idea', boxId, ideaId: c.ideaId })}>{t('ideaComments.queues.on', { title: c.ideaTitle, name: c.author.name })}</a>
                    </p>
                    <p className="comment-text">{c.text}</p>
                    {c.reportDetails.map((r, i) => (
                      <p key={i} className="small notice-reason">
                        {isReason(r.reason) ? t(`ideas.report.reason.${r.reason}`) : r.reason}
                        {r.note ? ` — ${r.note}` : ''}
                      </p>
                    ))}
                    <CommentModeration comment={c} onChanged={onChanged} />
                  </li>
                ))}
              </ul>
            )}
          </details>
        );
      })}
    </>
  );
}
