import { reportComment } from '../../actions/idea-comments.ts';
import { useI18n } from '../../i18n/index.tsx';
import { useSignedIn } from '../../state/use-session.tsx';
import { ReportForm } from '../ReportForm.tsx';

/** Anyone who reads a comment (not its author) reports it to the facilitators, once, with a reason. */
export function CommentReport({ commentId }: { commentId: string }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  return (
    <ReportForm
      button={t('ideaComments.report')}
      title={t('ideaComments.reportTitle')}
      done={t('ideaComments.reported')}
      send={(reason, note) => reportComment(api, commentId, reason, note)}
      refusals={{ conflict: t('ideaComments.reportConflict'), rate_limited: t('ideaComments.reportLimited') }}
    />
  );
}
