import { useId, useState } from 'react';
import type { Figure } from '#core/api/figures';
import { importCsvFile } from '../actions/figures.ts';
import { FormError } from '../components/Field.tsx';
import { FilePicker } from '../components/FilePicker.tsx';
import { useSignedIn } from '../state/use-session.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useSubmit } from '../components/use-submit.ts';

/** A CSV of days: all imported, or none, with each bad line named. */
export function CsvImport({ figure, onImported }: { figure: Figure; onImported(): void }) {
  const { t } = useI18n();
  const { api } = useSignedIn();
  const [file, setFile] = useState<File | null>(null);
  const submission = useSubmit();
  const [done, setDone] = useState<string | null>(null);
  const labelId = useId();
  const submit = submission.onSubmit(async () => {
    setDone(null);
    if (!file) return;
    const { imported } = await importCsvFile(api, figure.id, file);
    setDone(t('figures.imported', { count: imported }));
    onImported();
  });
  return (
    <form className="card csv-import" onSubmit={submit} aria-label={t('figures.import')}>
      <h2>{t('figures.import')}</h2>
      <p className="field-hint">{t('figures.importHint')}</p>
      <span id={labelId} className="visually-hidden">{t('figures.csvFile')}</span>
      <FilePicker
        labelledBy={labelId}
        button={t('figures.csvChoose')}
        none={t('figures.csvNone')}
        chosen={file?.name ?? null}
        accept=".csv,text/csv,text/plain"
        onChosen={setFile}
      />
      <FormError message={submission.message} />
      {submission.issues.length > 1 && (
        <ul className="csv-problems">
          {submission.issues.map((i) => (
            <li key={`${i.path}:${i.message}`}>
              {i.params?.line !== undefined ? t('error.csv.line', { line: Number(i.params.line) }) : i.path} : {i.message}
            </li>
          ))}
        </ul>
      )}
      {done && <p className="notice" role="status">{done}</p>}
      <button type="submit" className="button" disabled={!file || submission.busy}>
        {t('figures.importButton')}
      </button>
    </form>
  );
}
