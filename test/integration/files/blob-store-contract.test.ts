import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { derivedKinds, type BlobStore } from '../../../server/files/blobs.ts';
import { FolderBlobs } from '../../../server/files/folder-blobs.ts';
import { importFolder } from '../../../server/files/folder-import.ts';
import { chunkBytes, PostgresBlobs } from '../../../server/files/postgres-blobs.ts';
import { staleTempMs } from '../../../server/files/temp-files.ts';
import type { Engine, RelayStore } from '../../../server/store/store.ts';
import { engineStores, type EngineStores } from '../../support/engines.ts';

/**
 * The blob store contract (STYLE.md 9: one suite per interface, every implementation passes
 * it): attached files' bytes in a folder (beside SQLite, or beside PostgreSQL when
 * CONCLAVE_FILES_DIR names one) and in PostgreSQL's `file_chunks`. Real stores, real files.
 */
const silent = pino({ level: 'silent' });
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

interface Implementation {
  name: string;
  engine: Engine;
  open(db: RelayStore, folder: string, now: () => number): BlobStore;
}

const implementations: Implementation[] = [
  { name: 'a folder beside SQLite', engine: 'sqlite', open: (_db, folder) => new FolderBlobs(folder) },
  { name: 'a folder beside PostgreSQL (CONCLAVE_FILES_DIR)', engine: 'postgres', open: (_db, folder) => new FolderBlobs(folder) },
  { name: 'chunks in PostgreSQL', engine: 'postgres', open: (db, folder, now) => new PostgresBlobs(db, folder, silent, now) },
];

/** A world per implementation: a migrated store, a files folder, the blob store started on them. */
function world(implementation: Implementation) {
  const w = { db: null as unknown as RelayStore, blobs: null as unknown as BlobStore, folder: '', clock: Date.now() };
  let stores: EngineStores;
  beforeAll(async () => {
    stores = engineStores(implementation.engine);
    w.db = await stores.open();
    w.folder = await mkdtemp(path.join(tmpdir(), 'pgfiles-blobs-'));
    w.blobs = implementation.open(w.db, w.folder, () => w.clock);
    await w.blobs.start();
  }, 120_000);
  afterAll(async () => {
    await stores?.close();
    if (w.folder) await rm(w.folder, { recursive: true, force: true });
  });
  return w;
}

/** An upload as the relay receives one: bytes in a temporary file, staged. */
async function staged(blobs: BlobStore, bytes: Buffer): Promise<string> {
  const temp = blobs.temp.path();
  await writeFile(temp, bytes);
  await blobs.stage(temp);
  return temp;
}

async function readAll(blobs: BlobStore, hash: string, kind?: (typeof derivedKinds)[number]) {
  const stored = await blobs.read(hash, kind);
  if (!stored) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of stored.stream) chunks.push(chunk as Buffer);
  return { size: stored.size, bytes: Buffer.concat(chunks) };
}

describe.each(implementations)('the blob store: $name', (implementation) => {
  const w = world(implementation);

  it('keeps a staged upload placed in a transaction, and streams it back as it was, its size told first', async () => {
    const bytes = randomBytes(2 * chunkBytes + 7);
    const temp = await staged(w.blobs, bytes);
    expect(await w.blobs.has(w.db, sha(bytes))).toBe(false);
    await w.db.transaction((tx) => w.blobs.place(tx, temp, sha(bytes)));
    await w.blobs.discard(temp);
    expect(await w.blobs.has(w.db, sha(bytes))).toBe(true);
    const back = await readAll(w.blobs, sha(bytes));
    expect(back?.size).toBe(bytes.length);
    expect(back?.bytes.equals(bytes)).toBe(true);
    await expect(stat(temp)).rejects.toThrow();
  });

  it('stores an empty file, which reads empty', async () => {
    const empty = Buffer.alloc(0);
    const temp = await staged(w.blobs, empty);
    await w.db.transaction((tx) => w.blobs.place(tx, temp, sha(empty)));
    await w.blobs.discard(temp);
    expect(await w.blobs.has(w.db, sha(empty))).toBe(true);
    expect(await readAll(w.blobs, sha(empty))).toEqual({ size: 0, bytes: empty });
  });

  it('placing a content stored already (the same bytes again, or a transaction run twice) keeps the one stored', async () => {
    const bytes = randomBytes(chunkBytes);
    const first = await staged(w.blobs, bytes);
    const second = await staged(w.blobs, bytes);
    await w.db.transaction(async (tx) => {
      await w.blobs.place(tx, first, sha(bytes));
      await w.blobs.place(tx, first, sha(bytes));
    });
    await w.db.transaction((tx) => w.blobs.place(tx, second, sha(bytes)));
    await Promise.all([w.blobs.discard(first), w.blobs.discard(second)]);
    expect((await readAll(w.blobs, sha(bytes)))?.bytes.equals(bytes)).toBe(true);
  });

  it('keeps a temporary file placed without being staged (a content found stored, gone before the transaction)', async () => {
    const bytes = randomBytes(chunkBytes + 9);
    const temp = w.blobs.temp.path();
    await writeFile(temp, bytes);
    await w.db.transaction((tx) => w.blobs.place(tx, temp, sha(bytes)));
    await w.blobs.discard(temp);
    expect((await readAll(w.blobs, sha(bytes)))?.bytes.equals(bytes)).toBe(true);
  });

  it('keeps what is made from a content beside it: its size answered once, its bytes, and marks that read empty', async () => {
    const bytes = randomBytes(1000);
    const thumb = randomBytes(chunkBytes + 1);
    await w.db.transaction(async (tx) => w.blobs.place(tx, await staged(w.blobs, bytes), sha(bytes)));
    expect(await w.blobs.has(w.db, sha(bytes), 'thumb.webp')).toBe(false);
    expect(await w.blobs.read(sha(bytes), 'thumb.webp')).toBeNull();
    const made = await staged(w.blobs, thumb);
    expect(await w.db.transaction((tx) => w.blobs.placeDerived(tx, made, sha(bytes), 'thumb.webp'))).toBe(thumb.length);
    await w.blobs.discard(made);
    // Made again elsewhere (another node): the one kept stays, and counts no more.
    const again = await staged(w.blobs, randomBytes(50));
    expect(await w.db.transaction((tx) => w.blobs.placeDerived(tx, again, sha(bytes), 'thumb.webp'))).toBe(0);
    await w.blobs.discard(again);
    expect((await readAll(w.blobs, sha(bytes), 'thumb.webp'))?.bytes.equals(thumb)).toBe(true);
    await w.db.transaction((tx) => w.blobs.writeMark(tx, sha(bytes), 'preview.failed'));
    expect(await w.blobs.has(w.db, sha(bytes), 'preview.failed')).toBe(true);
    expect(await readAll(w.blobs, sha(bytes), 'preview.failed')).toEqual({ size: 0, bytes: Buffer.alloc(0) });
    // The content itself is untouched.
    expect((await readAll(w.blobs, sha(bytes)))?.bytes.equals(bytes)).toBe(true);
  });

  it('a removal takes the content and everything made from it; removing it again is harmless', async () => {
    const bytes = randomBytes(3 * chunkBytes);
    await w.db.transaction(async (tx) => w.blobs.place(tx, await staged(w.blobs, bytes), sha(bytes)));
    const pdf = await staged(w.blobs, Buffer.from('%PDF-1.4\n%%EOF\n'));
    await w.db.transaction((tx) => w.blobs.placeDerived(tx, pdf, sha(bytes), 'preview.pdf'));
    await w.db.transaction((tx) => w.blobs.writeMark(tx, sha(bytes), 'thumb.failed'));
    await w.db.transaction((tx) => w.blobs.remove(tx, sha(bytes)));
    await w.db.transaction((tx) => w.blobs.remove(tx, sha(bytes)));
    expect(await w.blobs.read(sha(bytes))).toBeNull();
    for (const kind of [undefined, ...derivedKinds]) expect(await w.blobs.has(w.db, sha(bytes), kind)).toBe(false);
  });

  it('streams a large content holding at most a chunk or two, however slowly it is read', async () => {
    const bytes = randomBytes(12 * chunkBytes + 3);
    await w.db.transaction(async (tx) => w.blobs.place(tx, await staged(w.blobs, bytes), sha(bytes)));
    const stored = (await w.blobs.read(sha(bytes)))!;
    const hash = createHash('sha256');
    let held = 0;
    let pieces = 0;
    for await (const chunk of stored.stream) {
      const b = chunk as Buffer;
      expect(b.length).toBeLessThanOrEqual(chunkBytes);
      pieces++;
      hash.update(b);
      // A reader that waits: a store reading ahead would fill its buffer meanwhile.
      await sleep(held === 0 ? 300 : 5);
      held = Math.max(held, stored.stream.readableLength, 1);
    }
    expect(held).toBeLessThanOrEqual(2 * chunkBytes);
    // Read in pieces, not whole.
    expect(pieces).toBeGreaterThanOrEqual(13);
    expect(hash.digest('hex')).toBe(sha(bytes));
  });

  it('hands a file holding the content to whoever needs a path, and leaves no temporary copy behind', async () => {
    const bytes = randomBytes(chunkBytes + 5);
    await w.db.transaction(async (tx) => w.blobs.place(tx, await staged(w.blobs, bytes), sha(bytes)));
    const before = await readdir(w.blobs.temp.dir);
    const read = await w.blobs.withFile(sha(bytes), (file) => readFile(file));
    expect(read?.equals(bytes)).toBe(true);
    expect(await w.blobs.withFile(sha(randomBytes(8)), () => readFile('/nonexistent'))).toBeNull();
    expect(await readdir(w.blobs.temp.dir)).toEqual(before);
  });

  it('copies the content into a new file the caller names (LibreOffice’s input), never over one; false when it is not stored', async () => {
    const bytes = randomBytes(chunkBytes + 9);
    await w.db.transaction(async (tx) => w.blobs.place(tx, await staged(w.blobs, bytes), sha(bytes)));
    const before = await readdir(w.blobs.temp.dir);
    const target = path.join(w.folder, `copy-${randomBytes(6).toString('hex')}.docx`);
    expect(await w.blobs.copyTo(sha(bytes), target)).toBe(true);
    expect((await readFile(target)).equals(bytes)).toBe(true);
    await expect(w.blobs.copyTo(sha(bytes), target)).rejects.toThrow();
    expect(await w.blobs.copyTo(sha(randomBytes(8)), `${target}.none`)).toBe(false);
    await expect(stat(`${target}.none`)).rejects.toThrow();
    expect(await readdir(w.blobs.temp.dir)).toEqual(before);
    await rm(target);
  });

  it('refuses a name that is not a SHA-256', async () => {
    await expect(w.blobs.has(w.db, '../../conclave.sqlite')).rejects.toThrow();
    await expect(w.blobs.read('../../conclave.sqlite')).rejects.toThrow();
  });
});

describe('chunks in PostgreSQL follow the store’s transactions', () => {
  const w = world(implementations[2]!);
  const chunks = async (content: string) => (await w.db.all<{ n: number }>('SELECT COUNT(*) AS n FROM file_chunks WHERE content = ?', [content]))[0]!.n;
  const staging = async () => (await w.db.all<{ n: number }>("SELECT COUNT(*) AS n FROM file_chunks WHERE kind = 'staged'"))[0]!.n;

  it('a transaction that fails after placing stores nothing; a removal rolled back keeps every chunk', async () => {
    const bytes = randomBytes(2 * chunkBytes);
    const temp = await staged(w.blobs, bytes);
    await expect(
      w.db.transaction(async (tx) => {
        await w.blobs.place(tx, temp, sha(bytes));
        throw new Error('refused after placing');
      }),
    ).rejects.toThrow('refused after placing');
    await w.blobs.discard(temp);
    expect(await w.blobs.has(w.db, sha(bytes))).toBe(false);
    expect(await staging()).toBe(0);

    await w.db.transaction(async (tx) => w.blobs.place(tx, await staged(w.blobs, bytes), sha(bytes)));
    await expect(
      w.db.transaction(async (tx) => {
        await w.blobs.remove(tx, sha(bytes));
        throw new Error('refused after removing');
      }),
    ).rejects.toThrow('refused after removing');
    expect(await chunks(sha(bytes))).toBe(2);
    expect((await readAll(w.blobs, sha(bytes)))?.bytes.equals(bytes)).toBe(true);
  });

  it('a staging found incomplete when placed (part of it removed as stale by a node whose clock is an hour ahead) is copied in whole again', async () => {
    for (const cut of [0, 2]) {
      const bytes = randomBytes(2 * chunkBytes + 5);
      const temp = await staged(w.blobs, bytes);
      // Keys sort by when the staging began: the newest is this one.
      await w.db.run("DELETE FROM file_chunks WHERE kind = 'staged' AND seq = ? AND content = (SELECT MAX(content) FROM file_chunks WHERE kind = 'staged')", [cut]);
      await w.db.transaction(async (tx) => w.blobs.place(tx, temp, sha(bytes)));
      await w.blobs.discard(temp);
      expect(await chunks(sha(bytes))).toBe(3);
      expect((await readAll(w.blobs, sha(bytes)))?.bytes.equals(bytes)).toBe(true);
      expect(await staging()).toBe(0);
    }
  });

  it('a folder’s content whose import fails in its transaction leaves no staged chunk, and stays in the folder for the next start', async () => {
    const bytes = randomBytes(chunkBytes + 7);
    const folder = await mkdtemp(path.join(tmpdir(), 'pgfiles-import-'));
    try {
      const file = path.join(folder, sha(bytes).slice(0, 2), sha(bytes));
      await mkdir(path.dirname(file));
      await writeFile(file, bytes);
      await w.db.run('INSERT INTO file_blobs (sha256, bytes, type, charset, stored_at) VALUES (?, ?, ?, ?, ?)', [sha(bytes), bytes.length, 'application/octet-stream', null, new Date().toISOString()]);
      const before = await staging();
      // The store refusing inside the transaction (a failing disk, a lost connection).
      const failing: BlobStore = Object.assign(Object.create(w.blobs) as BlobStore, {
        place: () => Promise.reject(new Error('refused inside the transaction')),
      });
      expect(await importFolder(w.db, failing, folder, silent)).toMatchObject({ contents: 0, failed: 1 });
      expect(await staging()).toBe(before);
      expect((await readFile(file)).equals(bytes)).toBe(true);
      expect(await importFolder(w.db, w.blobs, folder, silent)).toMatchObject({ contents: 1, failed: 0 });
      expect((await readAll(w.blobs, sha(bytes)))?.bytes.equals(bytes)).toBe(true);
      expect(await staging()).toBe(before);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('what a stopped relay staged and never placed goes at a start an hour later, never what is being staged now', async () => {
    const before = await staging();
    const left = await staged(w.blobs, randomBytes(100));
    expect(await staging()).toBe(before + 1);
    w.clock += staleTempMs + 60_000;
    const fresh = await staged(w.blobs, randomBytes(100));
    // Another relay starts on the same database.
    await new PostgresBlobs(w.db, w.folder, silent, () => w.clock).start();
    expect(await staging()).toBe(1);
    await w.blobs.discard(fresh);
    await w.blobs.discard(left);
    expect(await staging()).toBe(0);
  });
});
