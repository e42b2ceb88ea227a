import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { ErrorCode } from '#core/api/errors';
import { isPreviewable, type ActivityFile, type FileList, type UploadedFiles } from '#core/api/files';
import type { Activity } from '#core/api/activities';
import type { Caller } from '../accounts/sessions.ts';
import { activityFor } from '../activities/activities.ts';
import { may } from '../activities/access.ts';
import { newId } from '../auth/tokens.ts';
import type { Context } from '../context.ts';
import { badRequest, conflict, forbidden, notFound, Refusal } from '../errors.ts';
import { refuseOverStorage } from '../organizations/limits.ts';
import type { Queries } from '../store/db.ts';
import type { BlobStore } from './blobs.ts';
import { sniffFile, tailBytes, type Sniffed } from './sniff.ts';
import { receiveFiles, type ReceivedFile } from './upload.ts';

/** What the files feature is handed: the store, the relay's settings, the bytes' folder. */
export interface FilesDeps {
  ctx: Context;
  blobs: BlobStore;
  /** Uploads streaming now, per person (config.files.uploadsPerPerson). */
  streaming: Map<string, number>;
}

interface FileRow {
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

const selectFiles = `SELECT f.*, b.type, b.charset, u.name AS uploader_name
  FROM activity_files f JOIN file_blobs b ON b.sha256 = f.sha256 JOIN users u ON u.id = f.uploader_id`;

const toFile = (row: FileRow, activity: Activity, caller: Caller): ActivityFile => ({
  id: row.id,
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

const mayRemove = (row: FileRow, activity: Activity, caller: Caller) =>
  activity.status !== 'archived' && (row.uploader_id === caller.id || may.facilitate(activity.myRole));

function requireUploader(activity: Activity) {
  if (!may.edit(activity.myRole)) throw forbidden('Viewers read the files of this activity; they cannot attach any.');
  if (activity.status === 'archived') throw conflict('This activity is archived: it takes no more files.');
}

/** A file and its activity, when the caller may see the activity; anyone else is told it does not exist. */
async function fileFor(ctx: Context, caller: Caller, fileId: string): Promise<{ row: FileRow; activity: Activity }> {
  const row = await ctx.db.get<FileRow>(`${selectFiles} WHERE f.id = ?`, [fileId]);
  if (!row) throw notFound('file');
  const activity = await activityFor(ctx, caller, row.activity_id).catch((err: unknown) => {
    if (err instanceof Refusal && err.code === ErrorCode.notFound) throw notFound('file');
    throw err;
  });
  return { row, activity };
}

export async function listFiles(deps: FilesDeps, caller: Caller, activityId: string): Promise<FileList> {
  const { ctx } = deps;
  const activity = await activityFor(ctx, caller, activityId);
  const rows = await ctx.db.all<FileRow>(`${selectFiles} WHERE f.activity_id = ? ORDER BY f.uploaded_at DESC, f.id LIMIT 5000`, [activityId]);
  return {
    files: rows.map((row) => toFile(row, activity, caller)),
    canUpload: may.edit(activity.myRole) && activity.status !== 'archived',
    maxFileBytes: ctx.config.files.maxFileBytes,
    maxFilesPerRequest: ctx.config.files.maxFilesPerRequest,
  };
}

/**
 * `POST /api/activities/:id/files`: the caller's right is judged before a byte is read;
 * the files stream to temporary files, then one transaction counts the new contents
 * against the uploader's storage (plan_limit, nothing kept), stores each content once
 * and records the files. All of the request's files go in, or none.
 */
export async function attachFiles(deps: FilesDeps, caller: Caller, activityId: string, req: IncomingMessage): Promise<UploadedFiles> {
  const { ctx, blobs, streaming } = deps;
  const activity = await activityFor(ctx, caller, activityId);
  requireUploader(activity);
  const busy = streaming.get(caller.id) ?? 0;
  if (busy >= ctx.config.files.uploadsPerPerson) {
    throw new Refusal(ErrorCode.rateLimited, `You are sending ${busy} uploads already: wait until they end.`, undefined, { 'retry-after': '5' });
  }
  streaming.set(caller.id, busy + 1);
  let received: ReceivedFile[] = [];
  try {
    const { maxFileBytes, maxFilesPerRequest } = ctx.config.files;
    received = await receiveFiles(req, blobs, { maxFileBytes, maxFiles: maxFilesPerRequest });
    if (received.length === 0) throw badRequest('Choose at least one file to attach.');
    const typed = await Promise.all(received.map(async (file) => ({ file, sniffed: await sniffFile(file.head, file.bytes, () => blobs.tail(file.temp, file.bytes, tailBytes)) })));
    const ids = await ctx.db.transaction((tx) => record(tx, deps, caller, activityId, typed));
    ctx.events.filesChanged(activityId, { added: ids });
    const rows = await ctx.db.all<FileRow>(`${selectFiles} WHERE f.id IN (${ids.map(() => '?').join(', ')})`, ids);
    const files = ids.map((id) => toFile(rows.find((r) => r.id === id)!, activity, caller));
    const first = files[0]!;
    return { id: first.id, name: first.name, size: first.size, type: first.type, files };
  } finally {
    await Promise.all(received.map((file) => blobs.discard(file.temp)));
    const left = (streaming.get(caller.id) ?? 1) - 1;
    if (left > 0) streaming.set(caller.id, left);
    else streaming.delete(caller.id);
  }
}

async function record(tx: Queries, deps: FilesDeps, caller: Caller, activityId: string, typed: { file: ReceivedFile; sniffed: Sniffed }[]): Promise<string[]> {
  const { ctx, blobs } = deps;
  // New to this person: a content they have no file of yet, counted once even if sent twice.
  const fresh = new Map<string, number>();
  for (const { file } of typed) {
    if (fresh.has(file.sha256)) continue;
    const held = await tx.get('SELECT 1 FROM activity_files WHERE uploader_id = ? AND sha256 = ? LIMIT 1', [caller.id, file.sha256]);
    if (!held) fresh.set(file.sha256, file.bytes);
  }
  const adding = [...fresh.values()].reduce((a, b) => a + b, 0);
  if (adding > 0) await refuseOverStorage(tx, caller.orgId, caller.id, adding);

  const now = ctx.now().toISOString();
  const ids: string[] = [];
  for (const { file, sniffed } of typed) {
    const stored = await tx.get('SELECT 1 FROM file_blobs WHERE sha256 = ?', [file.sha256]);
    if (!stored) {
      await tx.run('INSERT INTO file_blobs (sha256, bytes, type, charset, stored_at) VALUES (?, ?, ?, ?, ?)', [file.sha256, file.bytes, sniffed.type, sniffed.charset, now]);
    }
    // The content's bytes are put in place while the store is locked: no removal can run meanwhile.
    if (!stored || !(await blobs.has(file.sha256))) await blobs.place(file.temp, file.sha256);
    const id = newId();
    await tx.run(
      `INSERT INTO activity_files (id, activity_id, series_id, version, sha256, name, bytes, uploader_id, uploaded_at) VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?)`,
      [id, activityId, id, file.sha256, file.name, file.bytes, caller.id, now],
    );
    ids.push(id);
  }
  return ids;
}

/** `GET /api/files/:id`: the bytes as uploaded, streamed, with the type read from them. */
export async function openFile(deps: FilesDeps, caller: Caller, fileId: string): Promise<{ stream: Readable; size: number; name: string; type: string; charset: string | null }> {
  const { row } = await fileFor(deps.ctx, caller, fileId);
  const bytes = await deps.blobs.read(row.sha256);
  if (!bytes) {
    deps.ctx.log.error({ file: row.id }, 'an attached file is missing on disk');
    throw notFound('file');
  }
  return { stream: bytes.stream, size: bytes.size, name: row.name, type: row.type, charset: row.charset };
}

/**
 * `DELETE /api/files/:id`: its uploader or a facilitator. The content goes from the disk
 * when no file refers to it any more (inside the transaction, so that an upload of the
 * same bytes either ran before, and keeps them, or runs after and puts them back).
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
    await deps.blobs.remove(row.sha256);
  });
  deps.ctx.events.filesChanged(row.activity_id, { removed: [row.id] });
}
