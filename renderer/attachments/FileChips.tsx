import { fileKind } from '#core/files/kind';
import { FileIcon } from '../files/FileIcon.tsx';
import { formatSize } from '../files/file-size.ts';
import { useI18n } from '../i18n/index.tsx';
import { useActivityFiles } from './activity-files.tsx';

/**
 * Files attached to something (a comment, a board item, the decision), as chips: the
 * file's kind, name and size; a click opens it in the viewer. A file removed since shows
 * as removed. `onRemove` (while composing) offers to take one off.
 */
export function FileChips({ ids, onRemove }: { ids: readonly string[]; onRemove?(fileId: string): void }) {
  const { t, locale } = useI18n();
  const files = useActivityFiles();
  if (ids.length === 0) return null;
  return (
    <ul className="file-chips" aria-label={t('attach.attached')}>
      {ids.map((id) => {
        const file = files.byId(id);
        if (!file) {
          return (
            <li key={id} className="file-chip removed" data-testid="file-chip">
              <span className="muted small">{files.list ? t('attach.removedFile') : t('app.loading')}</span>
              {onRemove && <ChipRemove name={t('attach.removedFile')} onRemove={() => onRemove(id)} />}
            </li>
          );
        }
        return (
          <li key={id} className="file-chip" data-testid="file-chip">
            <button type="button" className="file-chip-open" onClick={() => files.open(id)} aria-label={t('attach.openName', { name: file.name })}>
              <FileIcon kind={fileKind(file.type, file.name)} />
              <span className="file-chip-name">{file.name}</span>
              <span className="file-chip-size muted small">{formatSize(file.size, t, locale)}</span>
            </button>
            {onRemove && <ChipRemove name={file.name} onRemove={() => onRemove(id)} />}
          </li>
        );
      })}
    </ul>
  );
}

function ChipRemove({ name, onRemove }: { name: string; onRemove(): void }) {
  const { t } = useI18n();
  return (
    <button type="button" className="file-chip-remove" aria-label={t('attach.detachName', { name })} onClick={onRemove}>
      ×
    </button>
  );
}
