import { useState } from 'react';
import type { CommentThread } from '#core/doc/comments';
import type * as Y from 'yjs';
import { postComment } from '../actions/comments.ts';
import type { Author } from '#core/doc/author';
import { CommentComposer } from '../editor/CommentComposer.tsx';
import type { Person } from '../editor/MentionsPlugin.tsx';
import { useI18n } from '../i18n/index.tsx';
import { CommentCard } from './CommentCard.tsx';

interface Props {
  thread: CommentThread;
  doc: Y.Doc;
  actor: Author;
  canEdit: boolean;
  facilitator: boolean;
  people: Person[];
}

export function CommentThreadView({ thread, doc, actor, canEdit, facilitator, people }: Props) {
  const { t } = useI18n();
  const [replying, setReplying] = useState(false);
  const { comment, replies } = thread;
  return (
    <li className="thread" data-testid="comment-thread">
      <CommentCard comment={comment} doc={doc} actor={actor} canEdit={canEdit} facilitator={facilitator} people={people} />
      {replies.length > 0 && (
        <ol className="replies">
          {replies.map((reply) => (
            <li key={reply.id}>
              <CommentCard comment={reply} doc={doc} actor={actor} canEdit={canEdit} facilitator={facilitator} people={people} />
            </li>
          ))}
        </ol>
      )}
      {canEdit &&
        (replying ? (
          <div className="reply-composer">
            <CommentComposer
              label={t('comments.replyTo', { name: comment.authorName })}
              placeholder={t('comments.replyPlaceholder')}
              submitLabel={t('comments.reply')}
              people={people}
              onSubmit={(body) => {
                postComment(doc, actor, body, comment.id);
                setReplying(false);
              }}
              onCancel={() => setReplying(false)}
            />
          </div>
        ) : (
          <button type="button" className="link-button" onClick={() => setReplying(true)} aria-label={t('comments.replyTo', { name: comment.authorName })}>
            {t('comments.reply')}
          </button>
        ))}
    </li>
  );
}
