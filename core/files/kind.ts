/**
 * What a file is to a person, from the type the relay read in its bytes and, for plain
 * text only, the name's extension (bytes cannot tell a CSV or a Markdown text from any
 * other text): the icon, the words for its type and, later, how it is previewed.
 */
export const fileKinds = ['pdf', 'image', 'text', 'csv', 'markdown', 'document', 'spreadsheet', 'presentation', 'archive', 'page', 'media', 'other'] as const;
export type FileKind = (typeof fileKinds)[number];

const extensionOf = (name: string) => /\.([^.]{1,8})$/.exec(name.toLowerCase())?.[1] ?? '';

export function fileKind(type: string, name: string): FileKind {
  if (type === 'application/pdf') return 'pdf';
  if (type.startsWith('image/') && type !== 'image/svg+xml') return 'image';
  if (type === 'text/plain') {
    const ext = extensionOf(name);
    if (ext === 'csv' || ext === 'tsv') return 'csv';
    if (ext === 'md' || ext === 'markdown') return 'markdown';
    return 'text';
  }
  if (type.includes('wordprocessingml') || type === 'application/vnd.oasis.opendocument.text' || type === 'application/rtf') return 'document';
  if (type.includes('spreadsheetml') || type === 'application/vnd.oasis.opendocument.spreadsheet') return 'spreadsheet';
  if (type.includes('presentationml')) return 'presentation';
  if (type === 'application/x-ole-storage') {
    const ext = extensionOf(name);
    if (ext === 'xls') return 'spreadsheet';
    if (ext === 'ppt') return 'presentation';
    return 'document';
  }
  if (['application/zip', 'application/gzip', 'application/vnd.rar', 'application/x-7z-compressed'].includes(type)) return 'archive';
  if (type === 'text/html' || type === 'image/svg+xml' || type === 'application/xml') return 'page';
  if (type.startsWith('audio/') || type.startsWith('video/')) return 'media';
  return 'other';
}
