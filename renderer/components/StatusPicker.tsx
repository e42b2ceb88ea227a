import { useState } from 'react';
import { ActivityStatus } from '#core/api/activities';
import { updateStatus } from '../api/endpoints.ts';
import { useI18n } from '../i18n/index.tsx';
import { useSignedIn } from '../state/use-session.tsx';

/** A facilitator moves the activity along: draft, open, deciding, decided, archived. */
export function StatusPicker({ activityId, status, onChanged }: { activityId: string; status: ActivityStatus; onChanged(): void }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="status-picker">
      <select
        aria-label={t('activity.status')}
        value={status}
        disabled={busy}
        onChange={(e) => {
          setBusy(true);
          setError(null);
          updateStatus(api, activityId, e.target.value as ActivityStatus)
            .then(onChanged, (err: unknown) => setError(err instanceof Error ? err.message : String(err)))
            .finally(() => setBusy(false));
        }}
      >
        {ActivityStatus.options.map((s) => (
          <option key={s} value={s}>
            {t(`status.${s}`)}
          </option>
        ))}
      </select>
      {error && (
        <span role="alert" className="field-error">
          {error}
        </span>
      )}
    </span>
  );
}
