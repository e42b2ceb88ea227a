import { useState, type FormEvent } from 'react';
import type { Figure } from '#core/api/figures';
import { ApiError } from '../api/client.ts';
import { importCsvFile } from '../actions/figures.ts';
import { FormError } from '../components/Field.tsx';
import { useSignedIn } from '../state/use-session.tsx';
import { useI18n } from '../i18n/index.tsx';

/** A CSV of days: all imported, or none, with each bad line named. */
export function CsvImport({ figure, onImported }: { figure: Figure; onImported(): void }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const [file, setFile] = useState<File | null>(null);
  const [problems, setProblems] = useState<ApiError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setProblems(null);
    setDone(null);
    try {
      const { imported } = await importCsvFile(api, figure.id, file);
      setDone(t('figures.imported', { count: imported }));
      onImported();
    } catch (err) {
      setProblems(err instanceof ApiError ? err : new ApiError(0, 'internal_error', String(err)));
    }
  };
  return (
    <form className="card csv-import" onSubmit={(e) => void submit(e)} aria-label={t('figures.import')}>
      <h2>{t('figures.import')}</h2>
      <p className="field-hint">{t('figures.importHint')}</p>
      <input type="file" accept=".csv,text/csv,text/plain" aria-label={t('figures.csvFile')} onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      <FormError message={problems?.message ?? null} />
      {problems && problems.issues.length > 1 && (
        <ul className="csv-problems">
          {problems.issues.map((i) => (
            <li key={`${i.path}:${i.message}`}>
              {i.path}: {i.message}
            </li>
          ))}
        </ul>
      )}
      {done && <p className="notice" role="status">{done}</p>}
      <button type="submit" className="button" disabled={!file}>
        {t('figures.importButton')}
      </button>
    </form>
  );
}
