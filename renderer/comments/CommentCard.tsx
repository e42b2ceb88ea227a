import { useState } from 'react';
import { latestVersion, type Comment } from '#core/doc/comments';
import type * as Y from 'yjs';
import { editComment, removeComment } from '../actions/comments.ts';
import type { Author } from '#core/doc/author';
import { Avatar } from '../components/Avatar.tsx';
import { CommentComposer } from '../editor/CommentComposer.tsx';
import type { Person } from '../editor/MentionsPlugin.tsx';
import { useI18n } from '../i18n/index.tsx';
import { RichText } from './RichText.tsx';
import { CommentFiles } from '../attachments/CommentFiles.tsx';

interface Props {
  comment: Comment;
  doc: Y.Doc;
  actor: Author;
  canEdit: boolean;
  /** A facilitator may remove anyone's comment (SPEC W4); others only their own. */
  facilitator: boolean;
  people: Person[];
}

/**
 * One comment: author, time, the latest wording; earlier wordings one click away. A removed
 * comment shows who removed it and when in its place (SPEC W4); the History tab keeps its words.
 */
export function CommentCard({ comment, doc, actor, canEdit, facilitator, people }: Props) {
  const { t, formatDateTime, formatRelative } = useI18n();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const latest = latestVersion(comment);
  const earlier = comment.versions.slice(0, -1).reverse();
  const mine = comment.authorId === actor.id;
  const mentionsMe = latest.mentions.includes(actor.id);
  const { removed } = comment;
  if (removed) {
    return (
      <article className="comment removed" data-testid="comment" data-comment-id={comment.id} data-removed="true">
        <p className="muted small" title={formatDateTime(removed.at)}>
          {t('comments.removedBy', { name: removed.name, when: formatRelative(removed.at) })}
        </p>
      </article>
    );
  }
  const canRemove = canEdit && (mine || facilitator) && !editing;
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
      <CommentFiles comment={comment} />
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
      {canEdit && mine && !editing && !confirming && (
        <button type="button" className="link-button" onClick={() => setEditing(true)}>
          {t('comments.edit')}
        </button>
      )}
      {canRemove &&
        (confirming ? (
          <span className="comment-confirm" role="group" aria-label={t('comments.removeQuestion')}>
            <span className="small">{t('comments.removeQuestion')}</span>
            <button
              type="button"
              className="link-button danger"
              onClick={() => {
                removeComment(doc, actor, comment.id, comment.authorName);
                setConfirming(false);
              }}
            >
              {t('comments.removeYes')}
            </button>
            <button type="button" className="link-button" onClick={() => setConfirming(false)}>
              {t('comments.cancel')}
            </button>
          </span>
        ) : (
          <button type="button" className="link-button" onClick={() => setConfirming(true)} aria-label={t('comments.removeOf', { name: comment.authorName })}>
            {t('comments.remove')}
          </button>
        ))}
    </article>
  );
}
