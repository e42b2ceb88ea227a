import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';

/**
 * The bytes of attached files, stored once per content under `<data dir>/files/`, each
 * named by its SHA-256 (`ab/abcdef…`), so the path says nothing of the activity, the
 * person or the name. Uploads stream into `tmp/<this relay process>/` first and are renamed
 * into place (same disk: atomic). Several relay nodes may share the folder: each writes in its
 * own `tmp/` folder, and at start a relay removes only the folders nothing was written in for
 * an hour (what a stopped or crashed relay left: an upload that stalls is cut long before),
 * never another node's uploads in progress. Placing and removing
 * contents is done inside the store's transactions (files.ts), which are serialised: a
 * removal cannot take away bytes an upload has just counted on.
 *
 * What the relay makes from a content (its thumbnail, an Office file's PDF, or a mark
 * that making it failed) lives beside it under `derived/`, once per content, and goes
 * with it.
 */
/** Files made from a content: a thumbnail, an Office document's PDF, and the marks that making them failed. */
export const derivedKinds = ['thumb.webp', 'thumb.failed', 'preview.pdf', 'preview.failed'] as const;
export type DerivedKind = (typeof derivedKinds)[number];

/** A relay's temporary folder with nothing written in it for this long was left by a relay that stopped. */
export const staleTempMs = 3_600_000;

export class BlobStore {
  private readonly tmpRoot: string;
  readonly tmpDir: string;

  constructor(readonly dir: string) {
    this.tmpRoot = path.join(dir, 'tmp');
    this.tmpDir = path.join(this.tmpRoot, randomBytes(9).toString('base64url'));
  }

  /** Makes the folders and removes the temporary files stopped relays left behind. */
  async start(): Promise<void> {
    await mkdir(this.tmpRoot, { recursive: true, mode: 0o700 });
    const before = Date.now() - staleTempMs;
    for (const entry of await readdir(this.tmpRoot, { withFileTypes: true })) {
      const full = path.join(this.tmpRoot, entry.name);
      if (!entry.isDirectory() || (await lastWritten(full)) < before) await rm(full, { recursive: true, force: true });
    }
    await mkdir(this.tmpDir, { recursive: true, mode: 0o700 });
  }

  tempPath(): string {
    return path.join(this.tmpDir, randomBytes(18).toString('base64url'));
  }

  pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('not a SHA-256');
    return path.join(this.dir, sha256.slice(0, 2), sha256);
  }

  derivedPath(sha256: string, kind: DerivedKind): string {
    this.pathOf(sha256); // a SHA-256, or it throws
    return path.join(this.dir, 'derived', sha256.slice(0, 2), `${sha256}.${kind}`);
  }

  async has(sha256: string, kind?: DerivedKind): Promise<boolean> {
    return stat(kind ? this.derivedPath(sha256, kind) : this.pathOf(sha256)).then(
      (s) => s.isFile(),
      () => false,
    );
  }

  /** Moves an uploaded temporary file into place as the content `sha256`. */
  async place(temp: string, sha256: string): Promise<void> {
    const target = this.pathOf(sha256);
    await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    await rename(temp, target);
  }

  /** Moves a made file into place as `kind` of the content `sha256`; answers its size. */
  async placeDerived(temp: string, sha256: string, kind: DerivedKind): Promise<number> {
    const target = this.derivedPath(sha256, kind);
    const { size } = await stat(temp);
    await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    await rename(temp, target);
    return size;
  }

  /** Marks that making `kind` from the content failed (an empty file). */
  async writeMark(sha256: string, kind: DerivedKind): Promise<void> {
    const target = this.derivedPath(sha256, kind);
    await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    await writeFile(target, '', { mode: 0o600 });
  }

  /** Removes a content and everything made from it. */
  async remove(sha256: string): Promise<void> {
    for (const file of [this.pathOf(sha256), ...derivedKinds.map((kind) => this.derivedPath(sha256, kind))]) {
      await unlink(file).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'ENOENT') throw err;
      });
    }
  }

  async discard(temp: string): Promise<void> {
    await unlink(temp).catch(() => undefined);
  }

  /** The bytes of a content, streamed; null when the file is missing on disk. */
  async read(sha256: string, kind?: DerivedKind): Promise<{ stream: Readable; size: number } | null> {
    const file = await open(kind ? this.derivedPath(sha256, kind) : this.pathOf(sha256)).catch(() => null);
    if (!file) return null;
    const { size } = await file.stat();
    return { stream: file.createReadStream(), size };
  }

  /** The last `bytes` of a (temporary) file, for sniffing a ZIP container's part names. */
  async tail(file: string, size: number, bytes: number): Promise<Buffer> {
    const handle = await open(file);
    try {
      const length = Math.min(size, bytes);
      const buffer = Buffer.alloc(length);
      await handle.read(buffer, 0, length, size - length);
      return buffer;
    } finally {
      await handle.close();
    }
  }
}

/** When anything in a relay's temporary folder was last written (its files are written as uploads stream in). */
async function lastWritten(dir: string): Promise<number> {
  let last = (await stat(dir).catch(() => null))?.mtimeMs ?? 0;
  for (const name of await readdir(dir).catch(() => [])) {
    last = Math.max(last, (await stat(path.join(dir, name)).catch(() => null))?.mtimeMs ?? 0);
  }
  return last;
}
