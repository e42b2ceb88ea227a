import { useState, type FormEvent } from 'react';
import type { Activity } from '#core/api/activities';
import { publicPageUrl, publishIdeaBox, unpublishIdeaBox } from '../actions/campaigns.ts';
import { FormError, TextField } from '../components/Field.tsx';
import { useSubmit } from '../components/use-submit.ts';
import { useI18n } from '../i18n/index.tsx';
import { useSignedIn } from '../state/use-session.tsx';

/** A facilitator publishes the idea box at a public address, or takes it back (docs/public-campaigns.md). */
export function PublishPanel({ box, onChanged }: { box: Activity; onChanged(box: Activity): void }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const submission = useSubmit();
  const [slug, setSlug] = useState(box.publicSlug ?? '');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void submission.run(async () => onChanged(await publishIdeaBox(api, box.id, slug)));
  };
  const unpublish = () => void submission.run(async () => onChanged(await unpublishIdeaBox(api, box.id)));
  const url = box.publicSlug ? publicPageUrl(api, box.publicSlug) : null;

  return (
    <section className="card form-card" aria-labelledby="publish-title">
      <h2 id="publish-title">{t('campaigns.title')}</h2>
      <p className="muted small">{t('campaigns.hint')}</p>
      {url ? (
        <p role="status">
          {t('campaigns.published')}{' '}
          <a href={url} target="_blank" rel="noreferrer">
            {url}
          </a>
        </p>
      ) : (
        <p role="status">{t('campaigns.unpublished')}</p>
      )}
      <form onSubmit={submit} noValidate>
        <TextField
          label={t('campaigns.slug')}
          hint={t('campaigns.slugHint')}
          value={slug}
          onChange={(e) => setSlug(e.target.value)}
          error={submission.field('publicSlug')}
          autoCapitalize="none"
          spellCheck={false}
        />
        <FormError message={submission.message} />
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={submission.busy}>
            {t('campaigns.publish')}
          </button>
          {url && (
            <button type="button" className="button" disabled={submission.busy} onClick={unpublish}>
              {t('campaigns.unpublish')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
