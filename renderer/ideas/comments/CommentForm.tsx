import { useState } from 'react';
import { commentLimits, type IdeaComment } from '#core/api/idea-comments';
import { writeComment } from '../../actions/idea-comments.ts';
import { FormError, TextAreaField } from '../../components/Field.tsx';
import { useSubmit } from '../../components/use-submit.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useSignedIn } from '../../state/use-session.tsx';

/** Write a comment on an idea; told whether it is published or waits for a facilitator's approval. */
export function CommentForm({ ideaId, onPosted }: { ideaId: string; onPosted(comment: IdeaComment): void }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const submission = useSubmit();
  const [text, setText] = useState('');
  const [sent, setSent] = useState<IdeaComment['moderation'] | null>(null);
  const send = submission.onSubmit(
    async () => {
      setSent(null);
      const comment = await writeComment(api, ideaId, text);
      onPosted(comment);
      setText('');
      setSent(comment.moderation);
    },
    { rate_limited: t('ideaComments.rateLimited'), conflict: t('ideaComments.conflict') },
  );
  return (
    <form className="comment-form" noValidate onSubmit={send} aria-label={t('ideaComments.write')}>
      <TextAreaField
        label={t('ideaComments.write')}
        hint={t('ideaComments.writeHint')}
        value={text}
        rows={3}
        maxLength={commentLimits.maxLength}
        onChange={(e) => setText(e.target.value)}
        error={submission.field('text')}
      />
      <FormError message={submission.message} />
      {sent && (
        <p className="muted small" role="status">
          {sent === 'pending' ? t('ideaComments.sentPending') : t('ideaComments.sent')}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={submission.busy}>
          {t('ideaComments.send')}
        </button>
      </div>
    </form>
  );
}
