import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type { FileVersion } from '#core/api/files';
import { fileBytes } from '../api/files.ts';
import { useActivityFiles } from '../attachments/activity-files.tsx';
import { usePageNotes } from '../attachments/page-notes.tsx';
import { PageMarkers } from '../attachments/PageMarkers.tsx';
import { RefusalNotice } from '../components/Field.tsx';
import { LazyPdfViewer } from '../files/pdf/LazyPdfViewer.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useAsync } from '../state/use-async.ts';
import { useSignedIn } from '../state/use-session.tsx';
import { usePresentation } from './use-presentation.ts';

/**
 * Someone else presenting a file: everyone in the activity follows their page live here,
 * over whatever tab they are on, with the page's comment markers; "Leave the presentation"
 * browses alone and "Rejoin" comes back to the presenter's page in one click. When the
 * presenter stops or leaves, it goes for everyone.
 */
export function PresentationPanel({ awareness }: { awareness: Awareness }) {
  const { t } = useI18n();
  const presentation = usePresentation(awareness);
  const files = useActivityFiles();
  const [left, setLeft] = useState<string | null>(null);
  const ended = presentation === null;
  useEffect(() => {
    if (ended) setLeft(null);
  }, [ended]);

  if (!presentation || presentation.self) return null;
  const key = `${presentation.clientId}:${presentation.fileId}`;
  const file = files.byId(presentation.fileId);
  const name = file?.name ?? '…';
  if (left === key) {
    return (
      <div className="presentation-bar" data-testid="presentation-bar">
        <p className="small">{t('present.left', { name: presentation.presenterName, file: name })}</p>
        <button type="button" className="button small primary" onClick={() => setLeft(null)}>
          {t('present.rejoin')}
        </button>
      </div>
    );
  }
  return (
    <section className="card presentation" aria-label={t('present.panel', { file: name })} data-testid="presentation">
      <div className="presentation-head">
        <p role="status">{t('present.banner', { name: presentation.presenterName, file: name, page: presentation.page })}</p>
        <button type="button" className="button small" onClick={() => setLeft(key)}>
          {t('present.leave')}
        </button>
      </div>
      {file && <FollowedPdf file={file} page={presentation.page} />}
    </section>
  );
}

/** The presented PDF at the presenter's page; its own buttons do not turn it (leave to browse alone). */
function FollowedPdf({ file, page }: { file: FileVersion; page: number }) {
  const { api } = useSignedIn();
  const notes = usePageNotes();
  const bytes = useAsync(async () => new Uint8Array(await (await fileBytes(api, file.id)).arrayBuffer()), [api, file.id]);
  if (bytes.status === 'failed') return <RefusalNotice error={bytes.error} />;
  if (!bytes.data) return null;
  const onPage = (notes?.anchored ?? []).filter((c) => c.anchor?.fileId === file.id && c.anchor.page === page);
  return (
    <LazyPdfViewer
      bytes={bytes.data}
      label={file.name}
      page={page}
      onPageChange={() => undefined}
      overlay={() => <PageMarkers comments={onPage} marking={false} region={null} onRegion={() => undefined} />}
    />
  );
}
