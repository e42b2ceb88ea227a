import { useEffect, useId, useState } from 'react';
import { maxIdeaTextLength } from '#core/api/ideas';
import { proposeIdea } from '../actions/ideas.ts';
import { photoStorage } from '../api/ideas.ts';
import { useAsync } from '../state/use-async.ts';
import { FormError, TextAreaField, TextField } from '../components/Field.tsx';
import { FilePicker } from '../components/FilePicker.tsx';
import { useSubmit } from '../components/use-submit.ts';
import { useI18n } from '../i18n/index.tsx';
import { hrefOf } from '../state/use-route.ts';
import { useSignedIn } from '../state/use-session.tsx';
import { useSimilarIdeas } from '../state/use-similar-ideas.ts';

/**
 * Propose an idea: title (similar titles already there are shown as you type, to vote
 * for one rather than write it twice), text up to 1,000 characters, category, photo.
 */
export function SubmitIdeaForm({ boxId, categories, onDone }: { boxId: string; categories: string[]; onDone(submitted: boolean): void }) {
  const { t, locale } = useI18n();
  const { api } = useSignedIn();
  const submission = useSubmit();
  const [form, setForm] = useState({ title: '', text: '', category: categories[0] ?? '' });
  const [photo, setPhoto] = useState<File | null>(null);
  const photoId = useId();
  // A file the browser cannot draw gets no preview (the relay will say why it refuses it).
  const [previewBroken, setPreviewBroken] = useState(false);
  const preview = useObjectUrl(photo);
  const similar = useSimilarIdeas(api, boxId, form.title);
  const storage = useAsync(() => photoStorage(api), [api]);
  const mb = (bytes: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024));
  const length = [...form.text.trim()].length;
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  const submit = submission.onSubmit(async () => {
    await proposeIdea(api, boxId, form, photo);
    onDone(true);
  });

  return (
    <form className="card form-card idea-form" onSubmit={submit} noValidate aria-labelledby="idea-form-title">
      <h2 id="idea-form-title">{t('ideas.form.title')}</h2>
      <TextField label={t('ideas.form.ideaTitle')} value={form.title} onChange={set('title')} required autoFocus maxLength={120} error={submission.field('title')} />
      {similar.length > 0 && (
        <div className="similar-ideas" role="status" aria-label={t('ideas.form.similar')}>
          <p className="small">{t('ideas.form.similar')}</p>
          <ul>
            {similar.map((s) => (
              <li key={s.id}>
                <a href={hrefOf({ name: 'idea', boxId, ideaId: s.id })} target="_self">
                  {s.title}
                </a>{' '}
                <span className="muted small">{t('ideas.votes', { count: s.votes })}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <TextAreaField
        label={t('ideas.form.text')}
        value={form.text}
        onChange={set('text')}
        required
        rows={5}
        hint={<span className={length > maxIdeaTextLength ? 'over-limit' : undefined}>{t('ideas.form.length', { count: length, max: maxIdeaTextLength })}</span>}
        error={submission.field('text')}
      />
      <label className="field">
        <span>{t('ideas.category')}</span>
        <select value={form.category} onChange={set('category')} aria-invalid={submission.field('category') ? true : undefined}>
          {categories.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
        {submission.field('category') && <p className="field-error" role="alert">{submission.field('category')}</p>}
      </label>
      <div className="field">
        <span id={`${photoId}-label`}>{t('ideas.form.photo')}</span>
        <FilePicker
          labelledBy={`${photoId}-label`}
          button={t('ideas.form.photoChoose')}
          none={t('ideas.form.photoNone')}
          chosen={photo?.name ?? null}
          accept="image/jpeg,image/png,image/webp"
          describedBy={`${photoId}-note`}
          invalid={Boolean(submission.field('photo'))}
          onChosen={(file) => {
            setPreviewBroken(false);
            setPhoto(file);
          }}
        />
        {submission.field('photo') ? (
          <p id={`${photoId}-note`} className="field-error" role="alert">
            {t('ideas.form.photoRefused', { why: submission.field('photo') ?? '' })}
          </p>
        ) : (
          <p id={`${photoId}-note`} className="field-hint">
            {t('ideas.form.photoHint')}
            {storage.data &&
              ` ${t('ideas.form.storage', { used: mb(storage.data.usedBytes), quota: mb(storage.data.quotaBytes), max: mb(storage.data.maxPhotoBytes) })}`}
          </p>
        )}
      </div>
      {preview && !previewBroken && (
        <img className="idea-photo-preview" src={preview} alt={t('ideas.form.photoPreview')} onError={() => setPreviewBroken(true)} />
      )}
      <FormError message={submission.message} />
      <div className="form-actions">
        <button type="button" className="button ghost" onClick={() => onDone(false)}>
          {t('new.cancel')}
        </button>
        <button className="button primary" type="submit" disabled={submission.busy}>
          {t('ideas.form.submit')}
        </button>
      </div>
    </form>
  );
}

function useObjectUrl(file: File | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!file) {
      setUrl(null);
      return;
    }
    const made = URL.createObjectURL(file);
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [file]);
  return url;
}
