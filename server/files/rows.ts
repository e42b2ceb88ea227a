import { ErrorCode } from '#core/api/errors';
import { isPreviewable, type ActivityFile, type FileVersion } from '#core/api/files';
import type { Activity } from '#core/api/activities';
import type { Caller } from '../accounts/sessions.ts';
import { activityFor } from '../activities/activities.ts';
import { may } from '../activities/access.ts';
import type { Context } from '../context.ts';
import { notFound, Refusal } from '../errors.ts';

/** One row of `activity_files` with its content's type and its uploader's name. */
export interface FileRow {
  id: string;
  activity_id: string;
  series_id: string;
  version: number;
  sha256: string;
  name: string;
  bytes: number;
  uploader_id: string;
  uploaded_at: string;
  type: string;
  charset: string | null;
  uploader_name: string;
}

export const selectFiles = `SELECT f.*, b.type, b.charset, u.name AS uploader_name
  FROM activity_files f JOIN file_blobs b ON b.sha256 = f.sha256 JOIN users u ON u.id = f.uploader_id`;

export const mayRemove = (row: FileRow, activity: Activity, caller: Caller) =>
  activity.status !== 'archived' && (row.uploader_id === caller.id || may.facilitate(activity.myRole));

export const toVersion = (row: FileRow, activity: Activity, caller: Caller): FileVersion => ({
  id: row.id,
  seriesId: row.series_id,
  version: row.version,
  activityId: row.activity_id,
  name: row.name,
  size: row.bytes,
  type: row.type,
  uploaderId: row.uploader_id,
  uploaderName: row.uploader_name,
  uploadedAt: row.uploaded_at,
  previewable: isPreviewable(row.type),
  canRemove: mayRemove(row, activity, caller),
});

/**
 * Rows as the list shows them: one entry per series, its latest version first with the
 * earlier ones (newest first) under `earlier`; series by their latest upload, newest first.
 */
export function bySeries(rows: readonly FileRow[], activity: Activity, caller: Caller): ActivityFile[] {
  const series = new Map<string, FileRow[]>();
  for (const row of rows) {
    const list = series.get(row.series_id);
    if (list) list.push(row);
    else series.set(row.series_id, [row]);
  }
  const files: ActivityFile[] = [];
  for (const versions of series.values()) {
    versions.sort((a, b) => b.version - a.version);
    const [latest, ...earlier] = versions;
    files.push({ ...toVersion(latest!, activity, caller), earlier: earlier.map((row) => toVersion(row, activity, caller)) });
  }
  return files.sort((a, b) => (a.uploadedAt === b.uploadedAt ? a.id.localeCompare(b.id) : b.uploadedAt.localeCompare(a.uploadedAt)));
}

/** A file and its activity, when the caller may see the activity; anyone else is told it does not exist. */
export async function fileFor(ctx: Context, caller: Caller, fileId: string): Promise<{ row: FileRow; activity: Activity }> {
  const row = await ctx.db.get<FileRow>(`${selectFiles} WHERE f.id = ?`, [fileId]);
  if (!row) throw notFound('file');
  const activity = await activityFor(ctx, caller, row.activity_id).catch((err: unknown) => {
    if (err instanceof Refusal && err.code === ErrorCode.notFound) throw notFound('file');
    throw err;
  });
  return { row, activity };
}
