import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { constants, copyFile, mkdir, open, readdir, rename, rmdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Logger } from 'pino';
import type { Store } from '../store/store.ts';
import { derivedKinds, isSha256, type DerivedKind } from './blobs.ts';
import type { FolderBlobs } from './folder-blobs.ts';

/** What a start moved into CONCLAVE_FILES_DIR. */
export interface FolderMove {
  files: number;
  bytes: number;
}

/**
 * Moves the attached files a relay kept under `<data dir>/files/` (every relay did before
 * CONCLAVE_FILES_DIR was read, whatever it was set to) into the folder CONCLAVE_FILES_DIR
 * names, so that setting it serves every file as before rather than 404. Each file is
 * renamed (the same filesystem), or else copied beside its place, checked byte for byte,
 * synced and renamed into place, and only then removed from the data folder: a start cut
 * anywhere leaves every file in one folder or the other, and the next start goes on (a file
 * already in place is only removed from the data folder: a name is its content's SHA-256).
 * A file that cannot be moved stops the start, naming it, rather than being served as 404.
 */
export async function moveFolder(from: string, to: FolderBlobs, log: Pick<Logger, 'info'>): Promise<FolderMove> {
  const moved: FolderMove = { files: 0, bytes: 0 };
  const failed: string[] = [];
  const move = async (source: string, target: string) => {
    try {
      const size = await moveFile(source, target, () => to.temp.path());
      moved.files++;
      moved.bytes += size;
    } catch (err) {
      failed.push(`${path.relative(from, source)} (${err instanceof Error ? err.message : String(err)})`);
    }
  };
  for (const prefix of await hexFolders(from)) {
    for (const name of await readdir(path.join(from, prefix)).catch(() => [] as string[])) {
      if (isSha256(name)) await move(path.join(from, prefix, name), to.pathOf(name));
    }
    await rmdir(path.join(from, prefix)).catch(() => undefined);
  }
  const derived = path.join(from, 'derived');
  for (const prefix of await hexFolders(derived)) {
    for (const name of await readdir(path.join(derived, prefix)).catch(() => [] as string[])) {
      const [sha256, ...rest] = name.split('.');
      const kind = rest.join('.') as DerivedKind;
      if (sha256 && isSha256(sha256) && derivedKinds.includes(kind)) await move(path.join(derived, prefix, name), to.pathOf(sha256, kind));
    }
    await rmdir(path.join(derived, prefix)).catch(() => undefined);
  }
  await rmdir(derived).catch(() => undefined);
  if (moved.files > 0) log.info({ ...moved, from, to: to.dir }, 'attached files moved from the data folder into CONCLAVE_FILES_DIR');
  if (failed.length > 0) {
    throw new Error(
      `${failed.length} attached file(s) could not be moved from ${from} into CONCLAVE_FILES_DIR (${to.dir}): ${failed.slice(0, 5).join('; ')}. ` +
        'They stay where they are; make room or fix the permissions and start again (files moved already stay moved).',
    );
  }
  return moved;
}

/**
 * On PostgreSQL, CONCLAVE_FILES_DIR after the relay kept attached files or idea photos in the
 * database would serve none of them (404): the relay refuses to start, saying what to do.
 */
export async function refuseFolderOverDatabase(db: Store, dir: string): Promise<void> {
  if (db.engine !== 'postgres') return;
  const files = await db.get("SELECT 1 AS one FROM file_chunks WHERE kind = 'original' LIMIT 1");
  const photos = await db.get('SELECT 1 AS one FROM idea_photo_bytes LIMIT 1');
  if (!files && !photos) return;
  throw new Error(
    `CONCLAVE_FILES_DIR is set (${dir}), but this relay keeps its attached files and idea photos in the database (PostgreSQL), ` +
      'where a relay with CONCLAVE_FILES_DIR would not find them: unset it to serve them. Moving them out of the database into a folder is not supported.',
  );
}

async function hexFolders(dir: string): Promise<string[]> {
  return (await readdir(dir).catch(() => [] as string[])).filter((name) => /^[0-9a-f]{2}$/.test(name));
}

/** Moves one file into place (see `moveFolder`); answers its size. */
async function moveFile(source: string, target: string, tempPath: () => string): Promise<number> {
  const { size } = await stat(source);
  // In place already (a start cut after placing it): the same content, named by its SHA-256.
  if ((await stat(target).catch(() => null))?.isFile()) {
    await unlink(source);
    return size;
  }
  await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
  try {
    await rename(source, target);
    return size;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EXDEV') throw err;
  }
  // Another filesystem: copied into the folder's temporary files, checked, synced, then renamed into place.
  const copy = tempPath();
  await copyFile(source, copy, constants.COPYFILE_EXCL);
  try {
    if ((await hashOf(copy)) !== (await hashOf(source))) throw new Error('the copy differs from the file');
    await synced(copy);
    await rename(copy, target);
    await synced(path.dirname(target));
  } catch (err) {
    await unlink(copy).catch(() => undefined);
    throw err;
  }
  await unlink(source);
  return size;
}

/** Waits until the file (or folder) is on the disk. */
async function synced(file: string) {
  const handle = await open(file, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function hashOf(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}
