import { useState } from 'react';
import { AttachArea } from '../attachments/AttachArea.tsx';
import type * as Y from 'yjs';
import { postComment } from '../actions/comments.ts';
import type { Author } from '#core/doc/author';
import { CommentComposer } from '../editor/CommentComposer.tsx';
import type { Person } from '../editor/MentionsPlugin.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useComments } from '../state/use-comments.ts';
import { CommentThreadView } from './CommentThreadView.tsx';

const pageSize = 30;

interface Props {
  doc: Y.Doc;
  actor: Author;
  canEdit: boolean;
  facilitator: boolean;
  people: Person[];
}

/** Comments and replies, newest threads last; only the latest ones are drawn at first. */
export function CommentsPanel({ doc, actor, canEdit, facilitator, people }: Props) {
  const { t } = useI18n();
  const threads = useComments(doc);
  const [shown, setShown] = useState(pageSize);
  const [files, setFiles] = useState<string[]>([]);
  const hidden = Math.max(0, threads.length - shown);
  return (
    <section className="comments card" aria-labelledby="comments-title" data-testid="comments" data-threads={threads.length}>
      <div className="section-head">
        <h2 id="comments-title">{t('comments.title')}</h2>
        <span className="muted small">{threads.length}</span>
      </div>
      {hidden > 0 && (
        <button type="button" className="button ghost small wide" onClick={() => setShown(shown + pageSize * 4)}>
          {t('comments.showEarlier', { count: hidden })}
        </button>
      )}
      {threads.length === 0 && <p className="muted small">{t('comments.empty')}</p>}
      <ol className="threads">
        {threads.slice(hidden).map((thread) => (
          <CommentThreadView key={thread.comment.id} thread={thread} doc={doc} actor={actor} canEdit={canEdit} facilitator={facilitator} people={people} />
        ))}
      </ol>
      {canEdit && (
        <div className="new-comment">
          <AttachArea ids={files} setIds={setFiles}>
            <CommentComposer
              label={t('comments.composer')}
              placeholder={t('comments.placeholder')}
              submitLabel={t('comments.post')}
              people={people}
              onSubmit={(body) => {
                postComment(doc, actor, body, null, { files });
                setFiles([]);
              }}
            />
          </AttachArea>
        </div>
      )}
    </section>
  );
}
