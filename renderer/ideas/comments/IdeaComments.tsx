import type { Activity } from '#core/api/activities';
import type { IdeaDetail } from '#core/api/ideas';
import { FormError } from '../../components/Field.tsx';
import { useSubmit } from '../../components/use-submit.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useIdeaComments } from '../../state/use-idea-comments.ts';
import { useSignedIn } from '../../state/use-session.tsx';
import { CommentForm } from './CommentForm.tsx';
import { CommentItem } from './CommentItem.tsx';

/**
 * An idea's comments, oldest first, a page at a time, and the form to write one — for
 * those who may (not viewers; not on a closed box, a merged idea or one not shown to all).
 */
export function IdeaComments({ idea, box }: { idea: IdeaDetail; box: Activity }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const list = useIdeaComments(api, idea.id);
  const paging = useSubmit();
  const facilitator = box.myRole === 'facilitator';
  const open = box.status !== 'decided' && box.status !== 'archived';
  const takesComments = open && !idea.mergedInto && idea.moderation === 'approved' && !idea.hidden;
  return (
    <section className="card idea-comments" aria-labelledby="idea-comments-title" data-testid="idea-comments">
      <h2 id="idea-comments-title">{t('ideaComments.title', { count: list.total })}</h2>
      {list.failed && <p role="alert" className="notice">{t('error.generic', { message: list.failed.message })}</p>}
      {list.comments?.length === 0 && <p className="muted small">{t('ideaComments.none')}</p>}
      {list.comments && list.comments.length > 0 && (
        <ol className="comment-list">
          {list.comments.map((c) => (
            <CommentItem key={c.id} comment={c} facilitator={facilitator} onChanged={list.put} />
          ))}
        </ol>
      )}
      {list.hasMore && (
        <button type="button" className="button ghost small" disabled={paging.busy} onClick={() => void paging.run(list.more)}>
          {t('ideaComments.more')}
        </button>
      )}
      <FormError message={paging.message} />
      {box.myRole !== 'viewer' && (takesComments ? <CommentForm ideaId={idea.id} onPosted={list.put} /> : <p className="muted small">{t('ideaComments.closed')}</p>)}
    </section>
  );
}
