import { useEffect, useRef, useState } from 'react';
import type { FileVersion } from '#core/api/files';
import type { PageRegion } from '#core/doc/attachments';
import { presentPage, stopPresenting } from '../actions/presenting.ts';
import { LazyPdfViewer } from '../files/pdf/LazyPdfViewer.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useActivityFilesOrNull } from './activity-files.tsx';
import { usePageNotes } from './page-notes.tsx';
import { PageComments } from './PageComments.tsx';
import { PageMarkers } from './PageMarkers.tsx';

/**
 * A PDF of the activity: the viewer with the markers of the comments on the page shown,
 * the page's comments under it with a composer (optionally about an area drawn on the
 * page), and for facilitators "Present": everyone in the activity then follows this
 * viewer's page until "Stop presenting" or until it closes. Opened from a comment's link,
 * it starts at that comment's page.
 */
export function AnnotatedPdf({ file, bytes }: { file: FileVersion; bytes: Uint8Array }) {
  const { t } = useI18n();
  const notes = usePageNotes();
  const files = useActivityFilesOrNull();
  const [page, setPage] = useState(() => (files?.opened?.fileId === file.id ? (files.opened.page ?? 1) : 1));
  const [marking, setMarking] = useState(false);
  const [region, setRegion] = useState<PageRegion | null>(null);
  const [presenting, setPresenting] = useState(false);
  const awareness = notes?.awareness;

  // Closing the viewer ends the presentation it started.
  const live = useRef(false);
  live.current = presenting;
  useEffect(() => () => void (live.current && awareness && stopPresenting(awareness)), [awareness]);

  if (!notes || !awareness) return <LazyPdfViewer bytes={bytes} label={file.name} />;
  const onPage = (next: number) => {
    setPage(next);
    setRegion(null);
    if (presenting) presentPage(awareness, file.id, next);
  };
  const toggle = () => {
    if (presenting) stopPresenting(awareness);
    else presentPage(awareness, file.id, page);
    setPresenting(!presenting);
  };
  const onThisPage = notes.anchored.filter((c) => c.anchor?.fileId === file.id && c.anchor.page === page);
  return (
    <div className="annotated-pdf">
      <LazyPdfViewer
        bytes={bytes}
        label={file.name}
        page={page}
        onPageChange={onPage}
        overlay={() => <PageMarkers comments={onThisPage} marking={marking} region={region} onRegion={setRegion} />}
        toolbarExtra={
          notes.canPresent && (
            <button type="button" className={`button small${presenting ? ' primary' : ''}`} aria-pressed={presenting} onClick={toggle}>
              {t(presenting ? 'present.stop' : 'present.start')}
            </button>
          )
        }
      />
      {presenting && <p className="presenting-note small" role="status">{t('present.youPresent', { page })}</p>}
      <PageComments
        fileId={file.id}
        page={page}
        comments={onThisPage}
        marking={marking}
        region={region}
        onMarking={(on) => {
          setMarking(on);
          if (!on) setRegion(null);
        }}
        onSent={() => {
          setMarking(false);
          setRegion(null);
        }}
      />
    </div>
  );
}
