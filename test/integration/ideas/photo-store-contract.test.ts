import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredBytes } from '../../../server/files/blobs.ts';
import { FolderPhotos, PostgresPhotos, type PhotoStore } from '../../../server/ideas/photo-store.ts';
import type { Engine, RelayStore } from '../../../server/store/store.ts';
import { engineStores, type EngineStores } from '../../support/engines.ts';

/**
 * The photo store contract (STYLE.md 9): idea photos and their public thumbnails in a
 * folder (the relay on SQLite) and in PostgreSQL's `idea_photo_bytes` (every node reads it).
 */
const implementations: { name: string; engine: Engine; open: (db: RelayStore, folder: string) => PhotoStore }[] = [
  { name: 'a folder', engine: 'sqlite', open: (_db, folder) => new FolderPhotos(folder) },
  { name: 'PostgreSQL', engine: 'postgres', open: (db, folder) => new PostgresPhotos(db, folder, pino({ level: 'silent' })) },
];

const newName = (ext = 'jpg') => `${randomBytes(18).toString('base64url')}.${ext}`;

/** The pieces a read hands over, taken slowly (a store reading ahead would fill its buffer meanwhile); none when nothing is stored. */
async function pieces(stored: StoredBytes | null): Promise<{ pieces: Buffer[]; held: number }> {
  if (stored === null) return { pieces: [], held: 0 };
  const taken: Buffer[] = [];
  let held = 0;
  for await (const piece of stored.stream) {
    taken.push(piece as Buffer);
    await sleep(taken.length === 1 ? 200 : 2);
    held = Math.max(held, stored.stream.readableLength);
  }
  return { pieces: taken, held };
}

/** What a read gives, whole; null when nothing is stored. */
async function whole(stored: StoredBytes | null): Promise<Buffer | null> {
  return stored === null ? null : Buffer.concat((await pieces(stored)).pieces);
}

describe.each(implementations)('the photo store: $name', (implementation) => {
  let stores: EngineStores;
  let folder: string;
  let photos: PhotoStore;

  beforeAll(async () => {
    stores = engineStores(implementation.engine);
    folder = await mkdtemp(path.join(tmpdir(), 'pgfiles-photos-'));
    photos = implementation.open(await stores.open(), folder);
    await photos.start();
  }, 120_000);

  afterAll(async () => {
    await stores?.close();
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('keeps a photo under its name and gives it back as it was; nothing under a name never written', async () => {
    const bytes = randomBytes(300_000);
    const name = newName();
    await photos.write(name, bytes);
    expect((await whole(await photos.read(name)))?.equals(bytes)).toBe(true);
    expect(await photos.read(newName('png'))).toBeNull();
  });

  it('hands a photo over in pieces of bounded size as the reader takes them, never whole (PostgreSQL sends a bytea as hex text twice its size)', async () => {
    const bytes = randomBytes(1_000_000);
    const name = newName();
    await photos.write(name, bytes);
    const stored = await photos.read(name);
    const read = await pieces(stored);
    expect(Buffer.concat(read.pieces).equals(bytes)).toBe(true);
    expect(Math.max(...read.pieces.map((p) => p.length))).toBeLessThanOrEqual(64 * 1024);
    expect(read.pieces.length).toBeGreaterThanOrEqual(15);
    expect(read.held).toBeLessThanOrEqual(2 * 64 * 1024);
  });

  it('never writes over a photo: a name is written once', async () => {
    const name = newName('webp');
    await photos.write(name, Buffer.from('first'));
    await expect(photos.write(name, Buffer.from('second'))).rejects.toThrow();
    expect((await whole(await photos.read(name)))?.toString()).toBe('first');
  });

  it('keeps a photo’s thumbnail beside it; one made meanwhile elsewhere stays; removal takes both, and again is harmless', async () => {
    const name = newName();
    await photos.write(name, randomBytes(1000));
    expect(await photos.readThumbnail(name)).toBeNull();
    await photos.writeThumbnail(name, Buffer.from('thumbnail one'));
    await photos.writeThumbnail(name, Buffer.from('thumbnail two'));
    expect((await whole(await photos.readThumbnail(name)))?.toString()).toBe('thumbnail one');
    await photos.remove(name);
    await photos.remove(name);
    expect(await photos.read(name)).toBeNull();
    expect(await photos.readThumbnail(name)).toBeNull();
  });

  it('refuses a name the relay never gives (a path, another extension)', async () => {
    for (const name of ['../conclave.sqlite', `thumbs/${newName()}.webp`, newName('html')]) {
      await expect(photos.write(name, Buffer.from('x'))).rejects.toThrow();
      await expect(photos.read(name)).rejects.toThrow();
    }
  });
});
