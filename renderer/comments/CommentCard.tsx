import { useState } from 'react';
import { latestVersion, type Comment } from '#core/doc/comments';
import type * as Y from 'yjs';
import { editComment } from '../actions/comments.ts';
import type { Author } from '#core/doc/author';
import { Avatar } from '../components/Avatar.tsx';
import { CommentComposer } from '../editor/CommentComposer.tsx';
import type { Person } from '../editor/MentionsPlugin.tsx';
import { useI18n } from '../i18n/index.tsx';
import { RichText } from './RichText.tsx';

interface Props {
  comment: Comment;
  doc: Y.Doc;
  actor: Author;
  canEdit: boolean;
  people: Person[];
}

/** One comment: author, time, the latest wording; earlier wordings one click away. */
export function CommentCard({ comment, doc, actor, canEdit, people }: Props) {
  const { t, formatDateTime, formatRelative } = useI18n();
  const [editing, setEditing] = useState(false);
  const latest = latestVersion(comment);
  const earlier = comment.versions.slice(0, -1).reverse();
  const mine = comment.authorId === actor.id;
  const mentionsMe = latest.mentions.includes(actor.id);
  return (
    <article className={`comment${mentionsMe ? ' mentions-me' : ''}`} data-testid="comment" data-comment-id={comment.id}>
      <header className="comment-head">
        <Avatar id={comment.authorId} name={comment.authorName} size="sm" />
        <span className="comment-author">{comment.authorName}</span>
        <time dateTime={comment.createdAt} title={formatDateTime(comment.createdAt)} className="muted small">
          {formatRelative(comment.createdAt)}
        </time>
        {mentionsMe && <span className="badge mention-badge">{t('comments.mentionsYou')}</span>}
        {earlier.length > 0 && (
          <span className="muted small" title={formatDateTime(latest.at)}>
            · {t('comments.edited')}
          </span>
        )}
      </header>
      {editing ? (
        <CommentComposer
          label={t('comments.edit')}
          placeholder=""
          submitLabel={t('comments.save')}
          people={people}
          initial={latest.body}
          onSubmit={(body) => {
            editComment(doc, actor, comment.id, body);
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <RichText json={latest.body} fallback={latest.text} />
      )}
      {earlier.length > 0 && (
        <details className="versions" data-testid="comment-versions">
          <summary>{t('comments.versions', { count: earlier.length })}</summary>
          <ol>
            {earlier.map((v) => (
              <li key={v.at + v.body.length}>
                <span className="muted small">{t('comments.versionAt', { when: formatDateTime(v.at) })}</span>
                <RichText json={v.body} fallback={v.text} />
              </li>
            ))}
          </ol>
        </details>
      )}
      {canEdit && mine && !editing && (
        <button type="button" className="link-button" onClick={() => setEditing(true)}>
          {t('comments.edit')}
        </button>
      )}
    </article>
  );
}
