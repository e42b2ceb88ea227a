import { z } from 'zod';
import { cleanText } from '../text/clean.ts';
import { Id, IsoDateTime } from './common.ts';

/**
 * Files attached to an activity (README "Files in activities"):
 * `POST /api/activities/:id/files` (multipart/form-data, one or more parts named `file`)
 * → the first file's `{id, name, size, type}` and every file under `files`;
 * `GET /api/activities/:id/files` lists them; `GET /api/files/:id` gives the bytes as
 * uploaded; `DELETE /api/files/:id` removes one (its uploader or a facilitator).
 * `POST /api/files/:id/versions` (multipart/form-data, one part named `file`) adds a new
 * version to the file's series → the same answer as an upload; the list shows each
 * series' latest version, with the earlier ones under `earlier` (newest first), each
 * still readable and removable by its own id. `GET /api/files/:id/thumbnail` gives an
 * image's thumbnail (WebP, at most 320 px a side), made by the relay; 404 when it has none.
 *
 * `type` is what the relay read from the bytes, never the name or what the browser said.
 */

/** Types shown inside Conclave, and served `inline`; every other type is served as an attachment. */
export const previewableTypes = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf', 'text/plain'] as const;
export const isPreviewable = (type: string) => (previewableTypes as readonly string[]).includes(type);

/** Images the relay makes thumbnails of (`GET /api/files/:id/thumbnail`, WebP); others have none (404). */
export const thumbnailTypes = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/tiff'] as const;
export const hasThumbnail = (type: string) => (thumbnailTypes as readonly string[]).includes(type);

/**
 * Office documents (Word, Excel, PowerPoint, OpenDocument, RTF) the relay turns into a PDF
 * for preview with LibreOffice when it is installed (`GET /api/files/:id/preview`);
 * the extension LibreOffice is given for each.
 */
export function officeExtension(type: string, name: string): string | null {
  if (type.includes('wordprocessingml')) return 'docx';
  if (type.includes('spreadsheetml')) return 'xlsx';
  if (type.includes('presentationml')) return 'pptx';
  if (type === 'application/vnd.oasis.opendocument.text') return 'odt';
  if (type === 'application/vnd.oasis.opendocument.spreadsheet') return 'ods';
  if (type === 'application/rtf') return 'rtf';
  if (type === 'application/x-ole-storage') return /\.(xls|ppt)$/i.exec(name)?.[1]?.toLowerCase() ?? 'doc';
  return null;
}

/**
 * `GET /api/files/:id/preview` answers 202 with this while LibreOffice makes the PDF (it
 * never holds the request for it): ask again after `Retry-After` seconds.
 */
export const PreviewPreparing = z.object({ status: z.literal('preparing') });
export type PreviewPreparing = z.infer<typeof PreviewPreparing>;
export const previewRetrySeconds = 2;

export const maxFileNameLength = 200;

/**
 * A file's name as shown and offered for download: the last path segment only, the
 * control and bidirectional characters removed (core/text/clean.ts), at most 200
 * characters (the extension kept), never empty.
 */
export function cleanFileName(raw: string): string {
  const base = raw.split(/[/\\]/).pop() ?? '';
  const cleaned = cleanText(base.normalize('NFC'), 'line').trim().replace(/^\.+$/, '');
  if (cleaned === '') return 'file';
  const chars = [...cleaned];
  if (chars.length <= maxFileNameLength) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const ext = dot > 0 ? [...cleaned.slice(dot)] : [];
  const keep = ext.length > 0 && ext.length <= 16 ? ext : [];
  return chars.slice(0, maxFileNameLength - keep.length).join('') + keep.join('');
}

/** Versions one file may have (past it: 409). */
export const maxVersionsPerFile = 100;

/** One version of a file. */
export const FileVersion = z.object({
  id: Id,
  /** The versions of one file share it (the first version's id). */
  seriesId: Id,
  /** 1 for the first upload, then 2, 3… */
  version: z.number().int().positive(),
  activityId: Id,
  name: z.string(),
  size: z.number().int().nonnegative(),
  type: z.string(),
  uploaderId: Id,
  uploaderName: z.string(),
  uploadedAt: IsoDateTime,
  /** Served inline and shown inside Conclave (images, PDF, plain text). */
  previewable: z.boolean(),
  /** The caller may remove it: its uploader, or a facilitator. */
  canRemove: z.boolean(),
});
export type FileVersion = z.infer<typeof FileVersion>;

/** A file as listed: its latest version, and the earlier ones, newest first. */
export const ActivityFile = FileVersion.extend({ earlier: z.array(FileVersion) });
export type ActivityFile = z.infer<typeof ActivityFile>;

export const UploadedFiles = z.object({
  id: Id,
  name: z.string(),
  size: z.number(),
  type: z.string(),
  files: z.array(FileVersion),
});
export type UploadedFiles = z.infer<typeof UploadedFiles>;

export const FileList = z.object({
  files: z.array(ActivityFile),
  /** The caller may attach files (contributors and facilitators, while the activity is not archived). */
  canUpload: z.boolean(),
  /** CONCLAVE_FILE_MAX_BYTES: larger files are refused (413). */
  maxFileBytes: z.number(),
  maxFilesPerRequest: z.number(),
});
export type FileList = z.infer<typeof FileList>;
