import type { PageRegion } from '#core/doc/attachments';
import { latestVersion, type Comment } from '#core/doc/comments';
import { RichText } from '../comments/RichText.tsx';
import { CommentComposer } from '../editor/CommentComposer.tsx';
import { useI18n } from '../i18n/index.tsx';
import { usePageNotes } from './page-notes.tsx';

interface Props {
  fileId: string;
  page: number;
  comments: Comment[];
  marking: boolean;
  region: PageRegion | null;
  onMarking(on: boolean): void;
  onSent(): void;
}

/** The comments on the page shown, numbered as their markers, and a composer for one more (about the page, or an area of it). */
export function PageComments({ fileId, page, comments, marking, region, onMarking, onSent }: Props) {
  const { t, formatRelative } = useI18n();
  const notes = usePageNotes();
  if (!notes) return null;
  return (
    <section className="page-comments" aria-label={t('pageNotes.title', { page })} data-testid="page-comments">
      <h4>{t('pageNotes.title', { page })}</h4>
      {comments.length === 0 && <p className="muted small">{t('pageNotes.none')}</p>}
      <ol className="page-comment-list">
        {comments.map((c) => (
          <li key={c.id} data-testid="page-comment">
            <span className="small">
              <strong>{c.authorName}</strong> <span className="muted">{formatRelative(c.createdAt)}</span>
              {c.anchor?.region && <span className="muted"> · {t('pageNotes.anArea')}</span>}
            </span>
            <RichText json={latestVersion(c).body} fallback={latestVersion(c).text} />
          </li>
        ))}
      </ol>
      {notes.canComment && (
        <div className="page-comment-new">
          <CommentComposer
            key={`${fileId}:${page}`}
            label={t('pageNotes.composer', { page })}
            placeholder={t('pageNotes.placeholder')}
            submitLabel={t('pageNotes.post')}
            people={notes.people}
            onSubmit={(body) => {
              notes.comment(fileId, page, region ?? undefined, body);
              onSent();
            }}
          />
          <p className="small">
            <button type="button" className="link-button" aria-pressed={marking} onClick={() => onMarking(!marking)}>
              {t(marking ? 'pageNotes.wholePage' : 'pageNotes.markArea')}
            </button>{' '}
            {marking && <span className="muted">{t(region ? 'pageNotes.areaMarked' : 'pageNotes.drawArea')}</span>}
          </p>
        </div>
      )}
    </section>
  );
}
