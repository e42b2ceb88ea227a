import { FormError } from '../components/Field.tsx';
import { useSubmit } from '../components/use-submit.ts';
import { useI18n } from '../i18n/index.tsx';
import { useSignedIn } from '../state/use-session.tsx';

/** The whole activity in one ZIP (decision, boards, comments, ideas, files): what to keep before its plan's retention removes it. */
export function DownloadEverythingButton({ activityId }: { activityId: string }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const submit = useSubmit();
  return (
    <>
      <button
        className="button ghost small"
        type="button"
        disabled={submit.busy}
        onClick={() =>
          void submit.run(async () => {
            const url = URL.createObjectURL(await api.blob(`/api/activities/${activityId}/archive.zip`));
            const a = document.createElement('a');
            a.href = url;
            a.download = 'activity.zip';
            a.click();
            window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
          })
        }
      >
        {t('activity.downloadEverything')}
      </button>
      <FormError message={submit.message} />
    </>
  );
}
