import { useEffect, useRef } from 'react';
import { FilePreview } from '../files/FilePreview.tsx';
import { useI18n } from '../i18n/index.tsx';
import { useActivityFiles } from './activity-files.tsx';

/**
 * The file opened from a chip or a comment's page link, shown over the activity (a panel
 * the width of the screen on a phone); Escape or its close button closes it and gives the
 * focus back to where it was.
 */
export function OpenedFile() {
  const { t } = useI18n();
  const files = useActivityFiles();
  const { opened, close } = files;
  const panel = useRef<HTMLDivElement>(null);
  const file = opened ? files.byId(opened.fileId) : undefined;

  useEffect(() => {
    if (!opened) return;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    panel.current?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && close();
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      before?.focus();
    };
  }, [opened, close]);

  if (!opened) return null;
  return (
    <div className="opened-file-backdrop">
      <div className="opened-file" role="dialog" aria-modal="true" aria-label={file?.name ?? t('attach.removedFile')} tabIndex={-1} ref={panel} data-testid="opened-file">
        {file ? (
          <FilePreview key={`${file.id}:${opened.page ?? 1}`} file={file} onClose={close} />
        ) : (
          <section className="card">
            <p className="muted">{files.list ? t('attach.removedFile') : t('app.loading')}</p>
            <button type="button" className="button small ghost" onClick={close}>
              {t('files.closePreview')}
            </button>
          </section>
        )}
      </div>
    </div>
  );
}
