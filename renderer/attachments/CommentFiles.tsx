import type { Comment } from '#core/doc/comments';
import { useI18n } from '../i18n/index.tsx';
import { useActivityFiles } from './activity-files.tsx';
import { FileChips } from './FileChips.tsx';

/**
 * What a comment refers to: its attached files as chips, and the page of a file it is about
 * as a link that opens the file at that page (where its marker is).
 */
export function CommentFiles({ comment }: { comment: Comment }) {
  const { t } = useI18n();
  const files = useActivityFiles();
  const { anchor } = comment;
  const anchored = anchor ? files.byId(anchor.fileId) : undefined;
  return (
    <>
      {anchor && (
        <p className="comment-anchor small">
          {anchored ? (
            <button type="button" className="link-button" onClick={() => files.open(anchor.fileId, anchor.page)} data-testid="comment-page-link">
              {t(anchor.region ? 'attach.onPageRegion' : 'attach.onPage', { page: anchor.page, name: anchored.name })}
            </button>
          ) : files.list ? (
            <span className="muted">{t('attach.onPageRemoved', { page: anchor.page })}</span>
          ) : null}
        </p>
      )}
      {comment.files && <FileChips ids={comment.files} />}
    </>
  );
}
