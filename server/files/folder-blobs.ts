import { constants } from 'node:fs';
import { copyFile, mkdir, open, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { derivedKinds, isSha256, type BlobStore, type DerivedKind, type StoredBytes } from './blobs.ts';
import { TempFiles } from './temp-files.ts';

/**
 * Contents as files in one folder: `<folder>/ab/abcdef…`, what was made from them under
 * `derived/`, and the relay's temporary files under `tmp/` (the same disk, so a content is
 * placed by renaming its temporary file: atomic). The relay on SQLite keeps them under its
 * data folder; `CONCLAVE_FILES_DIR` names another (a volume several nodes share).
 * The transactions are passed and not used: the folder is outside the store.
 */
export class FolderBlobs implements BlobStore {
  readonly temp: TempFiles;

  /** `prepare`: what the relay does at start once the temporary files are ready (open-blobs.ts: CONCLAVE_FILES_DIR's move). */
  constructor(
    readonly dir: string,
    private readonly prepare?: (blobs: FolderBlobs) => Promise<void>,
  ) {
    this.temp = new TempFiles(dir);
  }

  async start(): Promise<void> {
    await this.temp.start();
    await this.prepare?.(this);
  }

  async stage(): Promise<void> {
    // Renamed into place as it is.
  }

  pathOf(sha256: string, kind?: DerivedKind): string {
    if (!isSha256(sha256)) throw new Error('not a SHA-256');
    return kind ? path.join(this.dir, 'derived', sha256.slice(0, 2), `${sha256}.${kind}`) : path.join(this.dir, sha256.slice(0, 2), sha256);
  }

  async has(_q: unknown, sha256: string, kind?: DerivedKind): Promise<boolean> {
    return stat(this.pathOf(sha256, kind)).then(
      (s) => s.isFile(),
      () => false,
    );
  }

  async place(tx: unknown, temp: string, sha256: string): Promise<void> {
    // A transaction run again (PostgreSQL) finds it placed by its first run.
    if (await this.has(tx, sha256)) return;
    await this.moveIn(temp, this.pathOf(sha256));
  }

  async placeDerived(tx: unknown, temp: string, sha256: string, kind: DerivedKind): Promise<number> {
    if (await this.has(tx, sha256, kind)) return 0;
    const { size } = await stat(temp);
    await this.moveIn(temp, this.pathOf(sha256, kind));
    return size;
  }

  async writeMark(_tx: unknown, sha256: string, kind: DerivedKind): Promise<void> {
    const target = this.pathOf(sha256, kind);
    await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    await writeFile(target, '', { mode: 0o600 });
  }

  async remove(_tx: unknown, sha256: string): Promise<void> {
    for (const file of [this.pathOf(sha256), ...derivedKinds.map((kind) => this.pathOf(sha256, kind))]) {
      await unlink(file).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'ENOENT') throw err;
      });
    }
  }

  async read(sha256: string, kind?: DerivedKind): Promise<StoredBytes | null> {
    return readFolderFile(this.pathOf(sha256, kind));
  }

  async copyTo(sha256: string, target: string): Promise<boolean> {
    if (!(await this.has(null, sha256))) return false;
    await copyFile(this.pathOf(sha256), target, constants.COPYFILE_EXCL);
    return true;
  }

  async withFile<T>(sha256: string, use: (file: string) => Promise<T>): Promise<T | null> {
    if (!(await this.has(null, sha256))) return null;
    return use(this.pathOf(sha256));
  }

  discard(temp: string): Promise<void> {
    return this.temp.unlink(temp);
  }

  async unstage(): Promise<void> {
    // Nothing is staged: a file is renamed into place as it is.
  }

  private async moveIn(temp: string, target: string) {
    await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    await rename(temp, target);
  }
}

/** A file of a folder, streamed from the handle opened (a removal meanwhile cannot cut it); null when it is not there. */
export async function readFolderFile(file: string): Promise<StoredBytes | null> {
  const handle = await open(file).catch(() => null);
  if (!handle) return null;
  try {
    const { size } = await handle.stat();
    return { stream: handle.createReadStream(), size };
  } catch (err) {
    await handle.close();
    throw err;
  }
}
