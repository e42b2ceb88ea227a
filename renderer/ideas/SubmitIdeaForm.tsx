import { useEffect, useState, type FormEvent } from 'react';
import { maxIdeaTextLength } from '#core/api/ideas';
import { proposeIdea } from '../actions/ideas.ts';
import { photoStorage } from '../api/ideas.ts';
import { useAsync } from '../state/use-async.ts';
import { FormError, TextAreaField, TextField } from '../components/Field.tsx';
import { useFormErrors } from '../components/use-form-errors.ts';
import { useI18n } from '../i18n/index.tsx';
import { hrefOf } from '../state/use-route.ts';
import { useSignedIn } from '../state/use-session.tsx';
import { useSimilarIdeas } from '../state/use-similar-ideas.ts';

/**
 * Propose an idea: title (similar titles already there are shown as you type, to vote
 * for one rather than write it twice), text up to 1,000 characters, category, photo.
 */
export function SubmitIdeaForm({ boxId, categories, onDone }: { boxId: string; categories: string[]; onDone(submitted: boolean): void }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const errors = useFormErrors();
  const [busy, setBusy] = useState(false);
  const [form, setForm] = useState({ title: '', text: '', category: categories[0] ?? '' });
  const [photo, setPhoto] = useState<File | null>(null);
  // A file the browser cannot draw gets no preview (the relay will say why it refuses it).
  const [previewBroken, setPreviewBroken] = useState(false);
  const preview = useObjectUrl(photo);
  const similar = useSimilarIdeas(api, boxId, form.title);
  const storage = useAsync(() => photoStorage(api), [api]);
  const mb = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);
  const length = [...form.text.trim()].length;
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });

  async function submit(e: FormEvent) {
    e.preventDefault();
    errors.clear();
    setBusy(true);
    try {
      await proposeIdea(api, boxId, form, photo);
      onDone(true);
    } catch (err) {
      errors.show(err);
      setBusy(false);
    }
  }

  return (
    <form className="card form-card idea-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="idea-form-title">
      <h2 id="idea-form-title">{t('ideas.form.title')}</h2>
      <TextField label={t('ideas.form.ideaTitle')} value={form.title} onChange={set('title')} required autoFocus maxLength={120} error={errors.field('title')} />
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
        error={errors.field('text')}
      />
      <label className="field">
        <span>{t('ideas.category')}</span>
        <select value={form.category} onChange={set('category')} aria-invalid={errors.field('category') ? true : undefined}>
          {categories.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
        {errors.field('category') && <p className="field-error" role="alert">{errors.field('category')}</p>}
      </label>
      <label className="field">
        <span>{t('ideas.form.photo')}</span>
        <input
          type="file"
          accept="image/jpeg,image/png,image/webp"
          aria-invalid={errors.field('photo') ? true : undefined}
          onChange={(e) => {
            setPreviewBroken(false);
            setPhoto(e.target.files?.[0] ?? null);
          }}
        />
        {errors.field('photo') ? (
          <p className="field-error" role="alert">
            {t('ideas.form.photoRefused', { why: errors.field('photo') ?? '' })}
          </p>
        ) : (
          <p className="field-hint">
            {t('ideas.form.photoHint')}
            {storage.data &&
              ` ${t('ideas.form.storage', { used: mb(storage.data.usedBytes), quota: mb(storage.data.quotaBytes), max: mb(storage.data.maxPhotoBytes) })}`}
          </p>
        )}
      </label>
      {preview && !previewBroken && (
        <img className="idea-photo-preview" src={preview} alt={t('ideas.form.photoPreview')} onError={() => setPreviewBroken(true)} />
      )}
      <FormError message={errors.message} />
      <div className="form-actions">
        <button type="button" className="button ghost" onClick={() => onDone(false)}>
          {t('new.cancel')}
        </button>
        <button className="button primary" type="submit" disabled={busy}>
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
