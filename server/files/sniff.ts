/**
 * What a file is, read from its bytes (never from its name, nor from the type the browser
 * claims): its first bytes (`head`, up to `headBytes`) and, for ZIP containers, the end of
 * the file where the names of its parts are listed (`tail`), which tells a Word, Excel or
 * PowerPoint document from any other archive. Patterns after the WHATWG MIME sniffing
 * standard; a text is UTF-8 when it decodes as such, else Windows-1252 when it holds no
 * control bytes (CSV exported by a French Excel), else it is bytes.
 */
export const headBytes = 8 * 1024;
/** The end of a ZIP file read to find its parts' names (the central directory of an Office document is a few kB). */
export const tailBytes = 64 * 1024;

export interface Sniffed {
  type: string;
  /** For text types: the encoding to serve it with. */
  charset: string | null;
}

const bytesOf = (head: Buffer, at: number, text: string) => head.length >= at + text.length && head.toString('latin1', at, at + text.length) === text;
const startsWith = (head: Buffer, bytes: readonly number[]) => head.length >= bytes.length && bytes.every((b, i) => head[i] === b);

const magic: [test: (head: Buffer) => boolean, type: string][] = [
  [(h) => bytesOf(h, 0, '%PDF-'), 'application/pdf'],
  [(h) => startsWith(h, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'image/png'],
  [(h) => startsWith(h, [0xff, 0xd8, 0xff]), 'image/jpeg'],
  [(h) => bytesOf(h, 0, 'GIF87a') || bytesOf(h, 0, 'GIF89a'), 'image/gif'],
  [(h) => bytesOf(h, 0, 'RIFF') && bytesOf(h, 8, 'WEBP'), 'image/webp'],
  [(h) => bytesOf(h, 0, 'BM') && startsWith(h.subarray(6), [0, 0, 0, 0]), 'image/bmp'],
  [(h) => startsWith(h, [0x00, 0x00, 0x01, 0x00]) && h.length >= 22, 'image/x-icon'],
  [(h) => bytesOf(h, 0, 'II*\0') || bytesOf(h, 0, 'MM\0*'), 'image/tiff'],
  [(h) => h[0] === 0 && bytesOf(h, 4, 'ftyp') && (bytesOf(h, 8, 'heic') || bytesOf(h, 8, 'heix') || bytesOf(h, 8, 'mif1')), 'image/heic'],
  [(h) => h[0] === 0 && bytesOf(h, 4, 'ftyp'), 'video/mp4'],
  [(h) => startsWith(h, [0x1a, 0x45, 0xdf, 0xa3]), 'video/webm'],
  [(h) => (bytesOf(h, 0, 'ID3') && (h[3] ?? 0xff) < 0x0a) || startsWith(h, [0xff, 0xfb]), 'audio/mpeg'],
  [(h) => bytesOf(h, 0, 'OggS\0'), 'audio/ogg'],
  [(h) => bytesOf(h, 0, 'RIFF') && bytesOf(h, 8, 'WAVE'), 'audio/wav'],
  [(h) => startsWith(h, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'application/x-ole-storage'],
  [(h) => startsWith(h, [0x1f, 0x8b, 0x08]), 'application/gzip'],
  [(h) => bytesOf(h, 0, 'Rar!\x1a\x07'), 'application/vnd.rar'],
  [(h) => startsWith(h, [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]), 'application/x-7z-compressed'],
  [(h) => bytesOf(h, 0, '{\\rtf'), 'application/rtf'],
  [(h) => bytesOf(h, 0, '%!PS'), 'application/postscript'],
  [(h) => bytesOf(h, 0, '\x7fELF') || (bytesOf(h, 0, 'MZ') && h.includes('PE\0\0', 0, 'latin1')), 'application/x-executable'],
];

/** Tags that make a text an HTML page when it starts with one (WHATWG "the rules for identifying an unknown MIME type"). */
const htmlStarts = ['<!DOCTYPE HTML', '<HTML', '<HEAD', '<SCRIPT', '<IFRAME', '<H1', '<DIV', '<FONT', '<TABLE', '<A', '<STYLE', '<TITLE', '<B', '<BODY', '<BR', '<P', '<!--'];

function markup(head: Buffer): string | null {
  let text = head.toString('latin1', 0, Math.min(head.length, 1024));
  if (text.startsWith('\xef\xbb\xbf')) text = text.slice(3);
  text = text.replace(/^[\t\n\f\r ]+/, '').toUpperCase();
  for (const tag of htmlStarts) {
    if (!text.startsWith(tag)) continue;
    const after = text.charAt(tag.length);
    if (tag === '<!--' || after === ' ' || after === '>') return 'text/html';
  }
  if (text.startsWith('<?XML')) return /<SVG[\s>]/.test(head.toString('latin1').toUpperCase()) ? 'image/svg+xml' : 'application/xml';
  if (text.startsWith('<SVG')) return 'image/svg+xml';
  return null;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes as UTF-8, forgiving a character cut at the end of the head (the file goes on). */
function isUtf8(head: Buffer, whole: boolean): boolean {
  for (let cut = 0; cut <= (whole ? 0 : 3); cut++) {
    try {
      utf8.decode(head.subarray(0, head.length - cut));
      return true;
    } catch {
      // try without the last bytes
    }
  }
  return false;
}

/** C0 controls other than tab, line feed, form feed and carriage return (and ESC): a text never has them. */
const binaryByte = (b: number) => (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) || b === 0x7f;

function text(head: Buffer, whole: boolean): Sniffed | null {
  if (startsWith(head, [0xfe, 0xff])) return { type: 'text/plain', charset: 'utf-16be' };
  if (startsWith(head, [0xff, 0xfe])) return { type: 'text/plain', charset: 'utf-16le' };
  if (head.some(binaryByte)) return null;
  return { type: 'text/plain', charset: isUtf8(head, whole) ? 'utf-8' : 'windows-1252' };
}

/** Office Open XML documents are ZIP files whose parts' names say which application made them. */
function zipKind(tail: Buffer): string {
  const names = tail.toString('latin1');
  if (names.includes('word/document.xml')) return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  if (names.includes('xl/workbook.xml')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  if (names.includes('ppt/presentation.xml')) return 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
  if (names.includes('mimetypeapplication/vnd.oasis.opendocument.text')) return 'application/vnd.oasis.opendocument.text';
  if (names.includes('mimetypeapplication/vnd.oasis.opendocument.spreadsheet')) return 'application/vnd.oasis.opendocument.spreadsheet';
  return 'application/zip';
}

/**
 * The type of a file of `size` bytes from its `head` and `tail` (`tail` is read only for
 * ZIP files: pass a function that reads it).
 */
export async function sniffFile(head: Buffer, size: number, tail: () => Promise<Buffer>): Promise<Sniffed> {
  if (size === 0) return { type: 'application/octet-stream', charset: null };
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) {
    // An OpenDocument names its type in its first part, which the head holds.
    const kind = zipKind(head.toString('latin1').includes('mimetypeapplication/vnd.oasis') ? head : await tail());
    return { type: kind, charset: null };
  }
  for (const [test, type] of magic) if (test(head)) return { type, charset: null };
  const page = markup(head);
  if (page) return { type: page, charset: null };
  return text(head, size <= head.length) ?? { type: 'application/octet-stream', charset: null };
}
