import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import type { FileList, UploadedFiles } from '#core/api/files';
import type { Activity } from '#core/api/activities';
import type { Caller } from '../accounts/sessions.ts';
import { activityFor } from '../activities/activities.ts';
import { may } from '../activities/access.ts';
import { conflict, forbidden, notFound } from '../errors.ts';
import type { FilesDeps } from './deps.ts';
import { intake, record, requireUploader, type Destination, type TypedFile } from './intake.ts';
import { bySeries, fileFor, mayRemove, selectFiles, toVersion, type FileRow } from './rows.ts';

export async function listFiles(deps: FilesDeps, caller: Caller, activityId: string): Promise<FileList> {
  const { ctx } = deps;
  const activity = await activityFor(ctx, caller, activityId);
  const rows = await ctx.db.all<FileRow>(`${selectFiles} WHERE f.activity_id = ? ORDER BY f.uploaded_at DESC, f.id LIMIT 5000`, [activityId]);
  return {
    files: bySeries(rows, activity, caller),
    canUpload: may.edit(activity.myRole) && activity.status !== 'archived',
    maxFileBytes: ctx.config.files.maxFileBytes,
    maxFilesPerRequest: ctx.config.files.maxFilesPerRequest,
  };
}

/** Records what was received in one transaction and answers with the new files. */
async function keep(deps: FilesDeps, caller: Caller, activity: Activity, to: Destination, typed: TypedFile[]): Promise<UploadedFiles> {
  const { ctx } = deps;
  const ids = await ctx.db.transaction((tx) => record(tx, deps, caller, to, typed));
  await ctx.events.filesChanged(to.activityId, { added: ids });
  for (const { file, sniffed } of typed) deps.thumbnails.prepare(file.sha256, sniffed.type, { userId: caller.id, orgId: caller.orgId });
  const rows = await ctx.db.all<FileRow>(`${selectFiles} WHERE f.id IN (${ids.map(() => '?').join(', ')})`, ids);
  const files = ids.map((id) => toVersion(rows.find((r) => r.id === id)!, activity, caller));
  const first = files[0]!;
  return { id: first.id, name: first.name, size: first.size, type: first.type, files };
}

/**
 * `POST /api/activities/:id/files`: the caller's right is judged before a byte is read;
 * the files stream to temporary files, then one transaction counts the new contents
 * against the uploader's storage (plan_limit, nothing kept), stores each content once
 * and records the files. All of the request's files go in, or none.
 */
export async function attachFiles(deps: FilesDeps, caller: Caller, activityId: string, req: IncomingMessage): Promise<UploadedFiles> {
  const activity = await activityFor(deps.ctx, caller, activityId);
  requireUploader(activity);
  return intake(deps, caller, req, deps.ctx.config.files.maxFilesPerRequest, (typed) => keep(deps, caller, activity, { activityId }, typed));
}

/**
 * `POST /api/files/:id/versions`: one file, the next version of `:id`'s series (whichever
 * version `:id` is). Whoever may attach files to the activity may add a version; the
 * earlier versions stay, each readable and removable as before. Storage counts each
 * content once per person, as for any upload.
 */
export async function addVersion(deps: FilesDeps, caller: Caller, fileId: string, req: IncomingMessage): Promise<UploadedFiles> {
  const { row, activity } = await fileFor(deps.ctx, caller, fileId);
  requireUploader(activity);
  const to = { activityId: row.activity_id, seriesId: row.series_id };
  return intake(deps, caller, req, 1, (typed) => keep(deps, caller, activity, to, typed));
}

/** `GET /api/files/:id`: the bytes as uploaded, streamed, with the type read from them. */
export async function openFile(deps: FilesDeps, caller: Caller, fileId: string): Promise<{ stream: Readable; size: number; name: string; type: string; charset: string | null }> {
  const { row } = await fileFor(deps.ctx, caller, fileId);
  const bytes = await deps.blobs.read(row.sha256);
  if (!bytes) {
    deps.ctx.log.error({ file: row.id }, 'the bytes of an attached file are missing');
    throw notFound('file');
  }
  return { stream: bytes.stream, size: bytes.size, name: row.name, type: row.type, charset: row.charset };
}

/** `GET /api/files/:id/thumbnail`: an image's thumbnail (made now if need be); 404 when it has none. */
export async function openThumbnail(deps: FilesDeps, caller: Caller, fileId: string): Promise<{ stream: Readable; size: number; name: string }> {
  const { row } = await fileFor(deps.ctx, caller, fileId);
  const thumbnail = await deps.thumbnails.open(row.sha256, row.type, { userId: caller.id, orgId: caller.orgId });
  if (!thumbnail) throw notFound('thumbnail');
  return { ...thumbnail, name: `${row.name}.webp` };
}

/**
 * `GET /api/files/:id/preview`: an Office document as a PDF; `preparing` while LibreOffice
 * makes it (the request never waits for it: the app asks again); 404 when it has none;
 * 429 when the caller has their share of conversions under way already.
 */
export async function openPreview(deps: FilesDeps, caller: Caller, fileId: string): Promise<{ stream: Readable; size: number; name: string } | 'preparing'> {
  const { row } = await fileFor(deps.ctx, caller, fileId);
  const pdf = await deps.office.open(row.sha256, row.type, row.name, { userId: caller.id, orgId: caller.orgId });
  if (!pdf) throw notFound('preview');
  if (pdf === 'preparing') return pdf;
  return { ...pdf, name: `${row.name.replace(/\.[^.]{1,8}$/, '')}.pdf` };
}

/**
 * `DELETE /api/files/:id`: one version, by its uploader or a facilitator (the one before
 * it becomes the latest). The content goes from the disk when no file refers to it any
 * more (inside the transaction, so that an upload of the same bytes either ran before,
 * and keeps them, or runs after and puts them back).
 */
export async function removeFile(deps: FilesDeps, caller: Caller, fileId: string): Promise<void> {
  const { row, activity } = await fileFor(deps.ctx, caller, fileId);
  if (activity.status === 'archived') throw conflict('This activity is archived: its files stay as they are.');
  if (!mayRemove(row, activity, caller)) throw forbidden('Only the person who attached this file, or a facilitator, may remove it.');
  await deps.ctx.db.transaction(async (tx) => {
    const gone = await tx.run('DELETE FROM activity_files WHERE id = ?', [row.id]);
    if (gone.changes === 0) return;
    if (await tx.get('SELECT 1 FROM activity_files WHERE sha256 = ? LIMIT 1', [row.sha256])) return;
    await tx.run('DELETE FROM file_blobs WHERE sha256 = ?', [row.sha256]);
    await deps.blobs.remove(tx, row.sha256);
  });
  await deps.ctx.events.filesChanged(row.activity_id, { removed: [row.id] });
}
