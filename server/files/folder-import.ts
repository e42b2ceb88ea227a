import { readdir, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Store } from '../store/store.ts';
import { derivedKinds, isSha256, type BlobStore, type DerivedKind } from './blobs.ts';
import { FolderBlobs } from './folder-blobs.ts';

/** What a start moved, and what it left in the folder. */
export interface FolderImport {
  contents: number;
  bytes: number;
  /** Contents no file refers to (bytes nobody knows of): left where they are. */
  unknown: number;
  failed: number;
}

/**
 * Moves the contents a files folder holds into another blob store: a relay on PostgreSQL
 * whose files were kept under `<data dir>/files/` (before they went into the database, or
 * with CONCLAVE_FILES_DIR since unset) finds them there at its start. Each content a file
 * refers to (`file_blobs`), with what was made from it, is placed in one transaction, then
 * leaves the folder; one the transaction finds gone is only removed. What was made from a
 * content is counted in storage already (`derived_bytes`): nothing is added. A content
 * that fails stays in the folder, tried again at the next start; several nodes importing
 * at once place each content once.
 */
export async function importFolder(db: Store, blobs: BlobStore, folder: string, log: Logger): Promise<FolderImport> {
  const old = new FolderBlobs(folder);
  const result: FolderImport = { contents: 0, bytes: 0, unknown: 0, failed: 0 };
  for (const prefix of await readdir(folder).catch(() => [] as string[])) {
    if (!/^[0-9a-f]{2}$/.test(prefix)) continue;
    for (const name of await readdir(path.join(folder, prefix)).catch(() => [] as string[])) {
      if (!isSha256(name)) continue;
      if (!(await db.get('SELECT 1 AS one FROM file_blobs WHERE sha256 = ?', [name]))) {
        result.unknown++;
        continue;
      }
      try {
        result.bytes += await importContent(db, blobs, old, name);
        result.contents++;
      } catch (err) {
        result.failed++;
        log.error({ content: name.slice(0, 12), err }, 'an attached file could not be moved from the folder into the store');
      }
    }
    await rmdir(path.join(folder, prefix)).catch(() => undefined);
  }
  if (result.contents + result.unknown + result.failed > 0) log.info(result, 'attached files moved from the folder into the store');
  return result;
}

async function importContent(db: Store, blobs: BlobStore, old: FolderBlobs, sha256: string): Promise<number> {
  const present = async (kind?: DerivedKind) => ((await stat(old.pathOf(sha256, kind)).catch(() => null))?.isFile() ? old.pathOf(sha256, kind) : null);
  const content = (await present())!;
  const made: { kind: DerivedKind; file: string }[] = [];
  for (const kind of derivedKinds) {
    const file = await present(kind);
    if (file) made.push({ kind, file });
  }
  const { size } = await stat(content);
  // The folder's files are staged as temporary files are, then placed; discarding them removes them from the folder.
  const files = [content, ...made.map((m) => m.file)];
  try {
    await blobs.stage(content);
    for (const m of made) if (!m.kind.endsWith('.failed')) await blobs.stage(m.file);
    await db.transaction(async (tx) => {
      if (!(await tx.get('SELECT 1 AS one FROM file_blobs WHERE sha256 = ?', [sha256]))) return;
      await blobs.place(tx, content, sha256);
      for (const m of made) {
        if (m.kind.endsWith('.failed')) await blobs.writeMark(tx, sha256, m.kind);
        else await blobs.placeDerived(tx, m.file, sha256, m.kind);
      }
    });
  } catch (err) {
    // Not placed: what was staged goes, the files stay in the folder for the next start.
    for (const file of files) await blobs.unstage(file);
    throw err;
  }
  for (const file of files) await blobs.discard(file);
  for (const m of made) await rmdir(path.dirname(m.file)).catch(() => undefined);
  return size;
}
