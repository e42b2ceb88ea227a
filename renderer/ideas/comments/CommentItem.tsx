import type { IdeaComment } from '#core/api/idea-comments';
import { useI18n } from '../../i18n/index.tsx';
import { CommentModeration } from './CommentModeration.tsx';
import { CommentReport } from './CommentReport.tsx';

/**
 * One comment: who wrote it and when, its text, and — for its author and the facilitators —
 * whether it waits for approval or was hidden, and why. Facilitators moderate it here;
 * anyone else reports it.
 */
export function CommentItem({ comment, facilitator, onChanged }: { comment: IdeaComment; facilitator: boolean; onChanged(comment: IdeaComment): void }) {
  const { t, formatRelative } = useI18n();
  const shown = comment.moderation === 'approved' && !comment.hidden;
  return (
    <li className={`idea-comment${shown ? '' : ' held'}`} data-testid="idea-comment" id={`comment-${comment.id}`}>
      <p className="comment-head small">
        <strong>{comment.author.name}</strong>
        {comment.mine && <span className="muted"> ({t('ideaComments.you')})</span>} · <span className="muted">{formatRelative(comment.createdAt)}</span>
      </p>
      <p className="comment-text">{comment.text}</p>
      {comment.moderation === 'pending' && <p className="small notice-reason">{t('ideaComments.pending')}</p>}
      {comment.hidden && <p className="small idea-reason danger">{t('ideaComments.hidden', { reason: comment.hidden.reason })}</p>}
      {facilitator ? <CommentModeration comment={comment} onChanged={onChanged} /> : !comment.mine && shown && <CommentReport commentId={comment.id} />}
    </li>
  );
}
