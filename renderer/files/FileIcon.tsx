import type { FileKind } from '#core/files/kind';

const badge: Record<FileKind, string> = {
  pdf: 'PDF',
  image: 'IMG',
  text: 'TXT',
  csv: 'CSV',
  markdown: 'MD',
  document: 'DOC',
  spreadsheet: 'XLS',
  presentation: 'PPT',
  archive: 'ZIP',
  page: 'WEB',
  media: 'A/V',
  other: 'FILE',
};

/** A file's kind as a coloured badge; its words are in the Type column, so the badge is hidden from screen readers. */
export function FileIcon({ kind }: { kind: FileKind }) {
  return (
    <span className={`file-icon file-icon-${kind}`} aria-hidden="true">
      {badge[kind]}
    </span>
  );
}
