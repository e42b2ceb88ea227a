import { reportIdea } from '../actions/idea-funnel.ts';
import { useI18n } from '../i18n/index.tsx';
import { useSignedIn } from '../state/use-session.tsx';
import { ReportForm } from './ReportForm.tsx';

/** Anyone who reads an idea (not its author) reports it to the facilitators, once, with a reason. */
export function ReportPanel({ ideaId }: { ideaId: string }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  return (
    <ReportForm
      button={t('ideas.report.button')}
      title={t('ideas.report.title')}
      done={t('ideas.report.done')}
      send={async (reason, note) => {
        await reportIdea(api, ideaId, reason, note);
      }}
    />
  );
}
