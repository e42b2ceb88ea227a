import { useState } from 'react';
import { saveTemplate } from '../actions/templates.ts';
import { FormError, TextField } from '../components/Field.tsx';
import { useSubmit } from '../components/use-submit.ts';
import { useI18n } from '../i18n/index.tsx';
import { useSignedIn } from '../state/use-session.tsx';

/** A facilitator saves the activity's boards (and its agenda's items) as a template for the whole organisation. */
export function SaveAsTemplate({ activityId }: { activityId: string }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const submit = useSubmit();
  const [name, setName] = useState('');
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <details className="save-template">
      <summary className="button ghost small">{t('template.saveAs')}</summary>
      <form
        onSubmit={submit.onSubmit(async () => {
          await saveTemplate(api, { activityId, name });
          setSaved(name);
          setName('');
        })}
        noValidate
      >
        <TextField label={t('template.name')} value={name} maxLength={80} onChange={(e) => setName(e.target.value)} error={submit.field('name')} hint={t('template.saveHint')} />
        <button className="button small primary" type="submit" disabled={submit.busy || !name.trim()}>{t('template.save')}</button>
        <FormError message={submit.message} />
        {saved !== null && <p role="status" className="small">{t('template.savedAs', { name: saved })}</p>}
      </form>
    </details>
  );
}
