import { randomBytes } from 'node:crypto';
import { link, mkdir, readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Context } from '../context.ts';
import type { StoredBytes } from '../files/blobs.ts';
import { readFolderFile } from '../files/folder-blobs.ts';
import { SliceStream } from '../store/slices.ts';
import type { Store } from '../store/store.ts';
import { ideasSettings } from './settings.ts';

/**
 * Where idea photos' bytes live, each under the random name `idea_photos.file` gives it
 * (`<24 characters>.jpg|png|webp`), with the public page's thumbnail of it: on SQLite in
 * `<data dir>/photos/` (`thumbs/<name>.webp`; also with CONCLAVE_FILES_DIR), on PostgreSQL in the database
 * (`idea_photo_bytes`, migration 941), which every relay node reads. A photo is at most
 * CONCLAVE_PHOTO_MAX_BYTES and is written whole, as the relay always received it, but read
 * as a stream in slices as the reader takes them (public pages ask for it unsigned). One
 * contract suite: test/integration/ideas/photo-store-contract.test.ts.
 */
export interface PhotoStore {
  /** Moves into the store the photos a relay on PostgreSQL kept in its folder before. */
  start(): Promise<void>;
  /** A new photo, before the row that names it commits (a refusal after it removes it). */
  write(name: string, bytes: Buffer): Promise<void>;
  /** The photo's bytes, streamed; null when none is stored under the name. */
  read(name: string): Promise<StoredBytes | null>;
  /** The photo and its thumbnail. */
  remove(name: string): Promise<void>;
  readThumbnail(name: string): Promise<StoredBytes | null>;
  /** Keeps the thumbnail made of a photo (one made meanwhile elsewhere stays). */
  writeThumbnail(name: string, bytes: Buffer): Promise<void>;
}

/** A relay that keeps its attached files in a folder (CONCLAVE_FILES_DIR, or SQLite) keeps its photos in one too. */
export function photoStoreFor(ctx: Pick<Context, 'config' | 'db' | 'log'>): PhotoStore {
  const dir = ideasSettings(ctx.config).photoDir;
  return ctx.db.engine === 'postgres' && !ctx.config.files.dir ? new PostgresPhotos(ctx.db, dir, ctx.log) : new FolderPhotos(dir);
}

const photoName = /^[A-Za-z0-9_-]{24}\.(jpg|png|webp)$/;

/** A photo's name as the relay gives it: nothing else reaches a path or a key. */
function checked(name: string): string {
  if (!photoName.test(name)) throw new Error('not a photo name');
  return name;
}

const thumbnailName = (name: string) => `thumbs/${checked(name)}.webp`;

export class FolderPhotos implements PhotoStore {
  constructor(private readonly dir: string) {}

  async start(): Promise<void> {}

  async write(name: string, bytes: Buffer): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    await writeFile(path.join(this.dir, checked(name)), bytes, { flag: 'wx' });
  }

  async read(name: string): Promise<StoredBytes | null> {
    return readFolderFile(path.join(this.dir, checked(name)));
  }

  async remove(name: string): Promise<void> {
    for (const file of [checked(name), thumbnailName(name)]) await unlink(path.join(this.dir, file)).catch(() => undefined);
  }

  async readThumbnail(name: string): Promise<StoredBytes | null> {
    return readFolderFile(path.join(this.dir, thumbnailName(name)));
  }

  async writeThumbnail(name: string, bytes: Buffer): Promise<void> {
    const target = path.join(this.dir, thumbnailName(name));
    await mkdir(path.dirname(target), { recursive: true });
    // Written beside it, then linked to its name, which fails when one is there already (kept):
    // a reader never sees half a thumbnail, and the first one made stays, as on PostgreSQL.
    const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(temp, bytes);
    try {
      await link(temp, target).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'EEXIST') throw err;
      });
    } finally {
      await unlink(temp).catch(() => undefined);
    }
  }
}

export class PostgresPhotos implements PhotoStore {
  constructor(
    private readonly db: Store,
    /** Where the relay kept photos before they went into the database: moved in at start. */
    private readonly folder: string,
    private readonly log: Pick<Context['log'], 'info' | 'error'>,
  ) {}

  async start(): Promise<void> {
    let moved = 0;
    for (const name of await readdir(this.folder).catch(() => [] as string[])) {
      if (!photoName.test(name)) continue;
      if (!(await this.db.get('SELECT 1 AS one FROM idea_photos WHERE file = ?', [name]))) continue;
      try {
        const bytes = await readFile(path.join(this.folder, name));
        await this.db.run('INSERT INTO idea_photo_bytes (name, bytes) VALUES (?, ?) ON CONFLICT (name) DO NOTHING', [name, bytes]);
        await unlink(path.join(this.folder, name));
        moved++;
      } catch (err) {
        this.log.error({ err }, 'an idea photo could not be moved from the folder into the store');
      }
    }
    // Thumbnails are made again when asked.
    await rm(path.join(this.folder, 'thumbs'), { recursive: true, force: true });
    if (moved > 0) this.log.info({ moved }, 'idea photos moved from the folder into the store');
  }

  async write(name: string, bytes: Buffer): Promise<void> {
    await this.db.run('INSERT INTO idea_photo_bytes (name, bytes) VALUES (?, ?)', [checked(name), bytes]);
  }

  async read(name: string): Promise<StoredBytes | null> {
    return this.readRow(checked(name));
  }

  async remove(name: string): Promise<void> {
    await this.db.run('DELETE FROM idea_photo_bytes WHERE name IN (?, ?)', [checked(name), thumbnailName(name)]);
  }

  async readThumbnail(name: string): Promise<StoredBytes | null> {
    return this.readRow(thumbnailName(name));
  }

  async writeThumbnail(name: string, bytes: Buffer): Promise<void> {
    await this.db.run('INSERT INTO idea_photo_bytes (name, bytes) VALUES (?, ?) ON CONFLICT (name) DO NOTHING', [thumbnailName(name), bytes]);
  }

  /** One row, in slices (octet_length reads its size from the TOAST pointer: nothing fetched). */
  private async readRow(name: string): Promise<StoredBytes | null> {
    const row = await this.db.get<{ size: number }>('SELECT octet_length(bytes) AS size FROM idea_photo_bytes WHERE name = ?', [name]);
    if (!row) return null;
    const slice = async (_row: number, from: number, length: number) =>
      (await this.db.get<{ slice: Buffer }>('SELECT substring(bytes FROM ? FOR ?) AS slice FROM idea_photo_bytes WHERE name = ?', [from, length, name]))?.slice;
    return { stream: new SliceStream(slice, 1), size: Number(row.size) };
  }
}
