import { useState } from 'react';
import type { RetentionSettings } from '#core/api/organizations';
import { setRetention } from '../actions/organizations.ts';
import { retentionSettings } from '../api/organizations.ts';
import { FormError } from '../components/Field.tsx';
import { useSubmit } from '../components/use-submit.ts';
import { useI18n } from '../i18n/index.tsx';
import { useAsync } from '../state/use-async.ts';
import { useSignedIn } from '../state/use-session.tsx';

/** Administrators: what the plan keeps of closed activities, and whether decisions stay when their content goes (README "Retention"). */
export function RetentionSection() {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const settings = useAsync(() => retentionSettings(api), [api]);
  if (settings.status !== 'ready') {
    return (
      <section className="card" aria-labelledby="retention-title">
        <h2 id="retention-title">{t('retention.title')}</h2>
        {settings.status === 'failed' ? <p role="alert" className="notice">{settings.error.message}</p> : <p className="muted">{t('app.loading')}</p>}
      </section>
    );
  }
  return <RetentionForm settings={settings.data} />;
}

function RetentionForm({ settings }: { settings: RetentionSettings }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const submit = useSubmit();
  const [keep, setKeep] = useState(settings.keepDecisions);
  const [saved, setSaved] = useState(false);
  return (
    <section className="card" aria-labelledby="retention-title">
      <h2 id="retention-title">{t('retention.title')}</h2>
      <p className="muted">
        {settings.retentionDays === null ? t('retention.forever', { plan: settings.plan }) : t('retention.days', { plan: settings.plan, days: settings.retentionDays })}
      </p>
      <form
        onSubmit={submit.onSubmit(async () => {
          const next = await setRetention(api, { keepDecisions: keep });
          setKeep(next.keepDecisions);
          setSaved(true);
        })}
      >
        <fieldset disabled={submit.busy}>
          <label className="checkbox">
            <input type="checkbox" checked={keep} onChange={(e) => (setKeep(e.target.checked), setSaved(false))} /> {t('retention.keepDecisions')}
          </label>
          <button className="button" type="submit">
            {t('retention.save')}
          </button>
          <p role="status" className="muted">{saved ? t('retention.saved') : ''}</p>
          <FormError message={submit.message} />
        </fieldset>
      </form>
    </section>
  );
}
