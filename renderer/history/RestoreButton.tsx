import { useState } from 'react';
import { restoreMoment } from '../actions/history.ts';
import { FormError } from '../components/Field.tsx';
import { useSubmit } from '../components/use-submit.ts';
import { useI18n } from '../i18n/index.tsx';
import { useSignedIn } from '../state/use-session.tsx';

/**
 * Restores one thing (or everything) as it was at the moment shown, in two clicks: the
 * button, then "Yes, restore" in the question it opens. The relay applies it live for
 * everyone; `onRestored` reloads the timeline and says "Restored." (TimelinePanel), since
 * the button itself goes once nothing is left to restore. The button reads "Restore"
 * beside what it restores, or its whole label (`labelShown`) where it stands alone.
 */
export function RestoreButton(props: {
  activityId: string;
  at: string;
  path?: string;
  label: string;
  labelShown?: boolean;
  what: string;
  onRestored(changed: boolean): void;
}) {
  const { t, formatDateTime } = useI18n();
  const { api } = useSignedIn();
  const [asking, setAsking] = useState(false);
  const submit = useSubmit();
  const confirm = () =>
    submit.run(async () => {
      const result = await restoreMoment(api, props.activityId, props.at, props.path);
      setAsking(false);
      props.onRestored(result.changed);
    });

  if (asking) {
    return (
      <div className="restore-confirm" role="group" aria-label={props.label}>
        <p className="small">
          {t('timeline.confirmQuestion', {
            what: props.what,
            when: formatDateTime(props.at),
          })}
        </p>
        <div className="row">
          <button type="button" className="button danger" disabled={submit.busy} onClick={() => void confirm()}>
            {t('timeline.confirm')}
          </button>
          <button type="button" className="button ghost" onClick={() => setAsking(false)}>
            {t('timeline.cancel')}
          </button>
        </div>
        <FormError message={submit.message} />
      </div>
    );
  }
  return (
    <span className="restore">
      <button
        type="button"
        className="button ghost small"
        aria-label={props.labelShown ? undefined : props.label}
        onClick={() => setAsking(true)}
      >
        {props.labelShown ? props.label : t('timeline.restore')}
      </button>
    </span>
  );
}
