import { ActivityStatus } from '#core/api/activities';
import { changeStatus } from '../actions/activities.ts';
import { useI18n } from '../i18n/index.tsx';
import { useSignedIn } from '../state/use-session.tsx';
import { useSubmit } from './use-submit.ts';

/** A facilitator moves the activity along: draft, open, deciding, decided, archived. */
export function StatusPicker({ activityId, status, onChanged }: { activityId: string; status: ActivityStatus; onChanged(): void }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const submission = useSubmit();
  return (
    <span className="status-picker">
      <select
        aria-label={t('activity.status')}
        value={status}
        disabled={submission.busy}
        onChange={(e) => {
          const next = e.target.value as ActivityStatus;
          void submission.run(async () => {
            await changeStatus(api, activityId, next);
            onChanged();
          });
        }}
      >
        {ActivityStatus.options.map((s) => (
          <option key={s} value={s}>
            {t(`status.${s}`)}
          </option>
        ))}
      </select>
      {submission.message && (
        <span role="alert" className="field-error">
          {submission.message}
        </span>
      )}
    </span>
  );
}
