import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';

/** A relay's temporary folder with nothing written in it for this long was left by a relay that stopped. */
export const staleTempMs = 3_600_000;

/**
 * A relay process's temporary files, on its own disk, under `<folder>/tmp/<this process>/`:
 * uploads stream there first (sniffed and hashed), and what the relay makes (a thumbnail,
 * a PDF) is written there before it is kept. Several relays may share the folder: each
 * writes in its own `tmp/` folder, and at start a relay removes only the folders nothing was
 * written in for an hour (what a stopped or crashed relay left: an upload that stalls is cut
 * long before), never another node's uploads in progress.
 */
export class TempFiles {
  private readonly root: string;
  readonly dir: string;

  constructor(folder: string) {
    this.root = path.join(folder, 'tmp');
    this.dir = path.join(this.root, randomBytes(9).toString('base64url'));
  }

  /** Makes the folders and removes the temporary files stopped relays left behind. */
  async start(): Promise<void> {
    await mkdir(this.root, { recursive: true, mode: 0o700 });
    const before = Date.now() - staleTempMs;
    for (const entry of await readdir(this.root, { withFileTypes: true })) {
      const full = path.join(this.root, entry.name);
      if (!entry.isDirectory() || (await lastWritten(full)) < before) await rm(full, { recursive: true, force: true });
    }
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
  }

  /** A new name in this relay's temporary folder. */
  path(): string {
    return path.join(this.dir, randomBytes(18).toString('base64url'));
  }

  async unlink(temp: string): Promise<void> {
    await unlink(temp).catch(() => undefined);
  }

  /** The last `bytes` of a temporary file, for sniffing a ZIP container's part names. */
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
