import { useState } from 'react';
import type { IdeaComment } from '#core/api/idea-comments';
import { approveComment, dismissCommentReports, hideComment, showComment } from '../../actions/idea-comments.ts';
import { FormError, TextField } from '../../components/Field.tsx';
import { useSubmit } from '../../components/use-submit.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useSignedIn } from '../../state/use-session.tsx';

/**
 * A facilitator's hands on one comment: approve it when pre-moderation held it back, hide
 * it with a reason its author reads (its reports acted on), show it again, dismiss its reports.
 */
export function CommentModeration({ comment, onChanged }: { comment: IdeaComment; onChanged(comment: IdeaComment): void }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const submission = useSubmit();
  const [hiding, setHiding] = useState(false);
  const [reason, setReason] = useState('');
  const run = (work: () => Promise<IdeaComment>) =>
    submission.run(async () => {
      onChanged(await work());
      setHiding(false);
      setReason('');
    });
  return (
    <div className="comment-moderation">
      {comment.reports > 0 && <p className="small notice-reason">{t('ideaComments.reports', { count: comment.reports })}</p>}
      <div className="form-actions wrap">
        {comment.moderation === 'pending' && (
          <button type="button" className="button primary small" disabled={submission.busy} onClick={() => void run(() => approveComment(api, comment.id))}>
            {t('ideaComments.approve')}
          </button>
        )}
        {comment.hidden ? (
          <button type="button" className="button small" disabled={submission.busy} onClick={() => void run(() => showComment(api, comment.id))}>
            {t('ideaComments.show')}
          </button>
        ) : (
          !hiding && (
            <button type="button" className="button danger small" onClick={() => setHiding(true)}>
              {t('ideaComments.hide')}
            </button>
          )
        )}
        {comment.reports > 0 && !comment.hidden && (
          <button type="button" className="button ghost small" disabled={submission.busy} onClick={() => void run(() => dismissCommentReports(api, comment.id))}>
            {t('ideaComments.dismiss')}
          </button>
        )}
      </div>
      {hiding && !comment.hidden && (
        <form
          className="comment-subform"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => hideComment(api, comment.id, reason));
          }}
        >
          <TextField label={t('ideaComments.hideReason')} value={reason} onChange={(e) => setReason(e.target.value)} error={submission.field('reason')} />
          <div className="form-actions wrap">
            <button type="submit" className="button danger" disabled={submission.busy}>
              {t('ideaComments.hideSubmit')}
            </button>
            <button type="button" className="button ghost" onClick={() => setHiding(false)}>
              {t('ideaComments.cancel')}
            </button>
          </div>
        </form>
      )}
      <FormError message={submission.message} />
    </div>
  );
}
