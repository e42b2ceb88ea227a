import { useEffect, useState } from 'react';
import type { IdeaBoxSettings } from '#core/api/idea-funnel';
import { ideaStages, stageName, type IdeaStage } from '#core/ideas/stages';
import { saveBoxSettings } from '../actions/idea-funnel.ts';
import { boxSettings } from '../api/idea-funnel.ts';
import { FormError, TextField } from '../components/Field.tsx';
import { useSubmit } from '../components/use-submit.ts';
import { useI18n } from '../i18n/index.tsx';
import { useAsync } from '../state/use-async.ts';
import { useSignedIn } from '../state/use-session.tsx';

/** A facilitator turns pre-moderation on or off and names the box's stages (empty: the default name). */
export function BoxSettingsPanel({ boxId }: { boxId: string }) {
  const { t, locale } = useI18n();
  const { api } = useSignedIn();
  const loaded = useAsync(() => boxSettings(api, boxId), [api, boxId]);
  const submission = useSubmit();
  const [form, setForm] = useState<IdeaBoxSettings | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => setForm(loaded.data ?? null), [loaded.data]);
  if (!form) return null;
  const setName = (stage: IdeaStage, name: string) => setForm({ ...form, stageNames: { ...form.stageNames, [stage]: name } });
  return (
    <details className="card side-card">
      <summary>{t('ideas.settings.title')}</summary>
      <form
        noValidate
        onSubmit={submission.onSubmit(async () => {
          setForm(await saveBoxSettings(api, boxId, form));
          setSaved(true);
        })}
      >
        <label className="check">
          <input type="checkbox" checked={form.premoderation} onChange={(e) => setForm({ ...form, premoderation: e.target.checked })} />{' '}
          {t('ideas.settings.premoderation')}
        </label>
        {ideaStages.map((stage) => (
          <TextField
            key={stage}
            label={t('ideas.settings.stageName', { stage: stageName(stage, {}, locale) })}
            value={form.stageNames[stage] ?? ''}
            placeholder={stageName(stage, {}, locale)}
            maxLength={40}
            onChange={(e) => setName(stage, e.target.value)}
          />
        ))}
        <FormError message={submission.message} />
        {saved && <p className="muted small" role="status">{t('ideas.settings.saved')}</p>}
        <div className="form-actions">
          <button type="submit" className="button" disabled={submission.busy}>
            {t('ideas.settings.save')}
          </button>
        </div>
      </form>
    </details>
  );
}
