import type { IncomingMessage } from 'node:http';
import { ErrorCode } from '#core/api/errors';
import { maxVersionsPerFile } from '#core/api/files';
import type { Activity } from '#core/api/activities';
import type { Caller } from '../accounts/sessions.ts';
import { may } from '../activities/access.ts';
import { newId } from '../auth/tokens.ts';
import { badRequest, conflict, forbidden, notFound, Refusal } from '../errors.ts';
import { refuseOverStorage, storageRoom } from '../organizations/limits.ts';
import type { Queries } from '../store/db.ts';
import type { FilesDeps } from './deps.ts';
import { sniffFile, tailBytes, type Sniffed } from './sniff.ts';
import { receiveFiles, type ReceivedFile } from './upload.ts';

/** A received file and the type read from its bytes. */
export interface TypedFile {
  file: ReceivedFile;
  sniffed: Sniffed;
}

export function requireUploader(activity: Activity) {
  if (!may.edit(activity.myRole)) throw forbidden('Viewers read the files of this activity; they cannot attach any.');
  if (activity.status === 'archived') throw conflict('This activity is archived: it takes no more files.');
}

/**
 * Streams an upload's files to temporary files (at most `maxFiles`), types them, and
 * hands them to `keep`, which records them in one transaction. However it ends, the
 * temporary files are discarded (kept contents were placed; once kept, what was staged
 * and not placed goes after the answer). A person has at
 * most `uploadsPerPerson` uploads streaming at once (429 past it), each read only as far
 * as their plan's storage left allows (contents they hold already count there too).
 */
export async function intake<T>(deps: FilesDeps, caller: Caller, req: IncomingMessage, maxFiles: number, keep: (typed: TypedFile[]) => Promise<T>): Promise<T> {
  const { ctx, blobs, streaming } = deps;
  const busy = streaming.count(caller.id);
  if (busy >= ctx.config.files.uploadsPerPerson) {
    throw new Refusal(ErrorCode.rateLimited, `You are sending ${busy} uploads already: wait until they end.`, undefined, { 'retry-after': '5' });
  }
  streaming.take(caller.id);
  let received: ReceivedFile[] = [];
  try {
    const room = await storageRoom(ctx.db, caller.orgId, caller.id);
    received = await receiveFiles(req, blobs, { maxFileBytes: ctx.config.files.maxFileBytes, maxFiles, stallMs: ctx.config.files.uploadStallMs, room });
    if (received.length === 0) throw badRequest('Choose at least one file to attach.');
    const typed = await Promise.all(received.map(async (file) => ({ file, sniffed: await sniffFile(file.head, file.bytes, () => blobs.temp.tail(file.temp, file.bytes, tailBytes)) })));
    // Ready to be placed in the recording transaction (on PostgreSQL: copied in, a chunk at a time, before it). Bytes the
    // caller's organisation holds are not; bytes only another holds are staged as new ones, so neither the answer nor its
    // time says whether another organisation holds a document.
    for (const file of received) if (!(await heldByOrganisation(ctx.db, caller.orgId, file.sha256)) || !(await blobs.has(ctx.db, file.sha256))) await blobs.stage(file.temp);
    const kept = await keep(typed);
    // Kept: what was staged and not placed (bytes another organisation holds, stored already) is removed after the
    // answer, since removing it (30-110 ms per 100 MiB on PostgreSQL) would time the answer as staging did.
    const done = received.splice(0);
    await Promise.all(done.map((file) => blobs.temp.unlink(file.temp)));
    void Promise.all(done.map((file) => blobs.unstage(file.temp)));
    return kept;
  } finally {
    await Promise.all(received.map((file) => blobs.discard(file.temp)));
    streaming.release(caller.id);
  }
}

/** Whether a file of the organisation's activities has this content. */
async function heldByOrganisation(db: Queries, orgId: string, sha256: string): Promise<boolean> {
  return (await db.get('SELECT 1 AS one FROM activity_files f JOIN activities a ON a.id = f.activity_id WHERE a.org_id = ? AND f.sha256 = ? LIMIT 1', [orgId, sha256])) !== undefined;
}

/** Where recorded files go: new series in an activity, or the next version of a series. */
export type Destination = { activityId: string } | { activityId: string; seriesId: string };

/**
 * Inside a transaction: counts the contents new to this person against their storage
 * (plan_limit, nothing kept), stores each content once and records the files. Returns
 * the new rows' ids, in the order received.
 */
export async function record(tx: Queries, deps: FilesDeps, caller: Caller, to: Destination, typed: readonly TypedFile[]): Promise<string[]> {
  const { ctx, blobs } = deps;
  let version = 1;
  if ('seriesId' in to) {
    const series = await tx.get<{ latest: number | null; n: number }>('SELECT MAX(version) AS latest, COUNT(*) AS n FROM activity_files WHERE series_id = ? AND activity_id = ?', [to.seriesId, to.activityId]);
    if (!series?.latest) throw notFound('file');
    if (series.n >= maxVersionsPerFile) throw conflict(`This file has ${maxVersionsPerFile} versions already: remove some before adding another.`);
    version = series.latest + 1;
  }
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
    if (!stored || !(await blobs.has(tx, file.sha256))) await blobs.place(tx, file.temp, file.sha256);
    const id = newId();
    await tx.run(
      `INSERT INTO activity_files (id, activity_id, series_id, version, sha256, name, bytes, uploader_id, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [id, to.activityId, 'seriesId' in to ? to.seriesId : id, version, file.sha256, file.name, file.bytes, caller.id, now],
    );
    ids.push(id);
  }
  return ids;
}
