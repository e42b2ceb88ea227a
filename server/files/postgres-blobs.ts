import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { open, stat, type FileHandle } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import type { Logger } from 'pino';
import { SliceStream } from '../store/slices.ts';
import type { Queries, Store } from '../store/store.ts';
import { derivedKinds, isSha256, type BlobStore, type DerivedKind, type StoredBytes } from './blobs.ts';
import { importFolder } from './folder-import.ts';
import { staleTempMs, TempFiles } from './temp-files.ts';

/** The bytes of one row of `file_chunks`: a 100 MB file is a hundred rows, staged a row per statement. */
export const chunkBytes = 1024 * 1024;

/** The kind of a content's own bytes; a file made from it is one of `derivedKinds`. */
const original = 'original';
/** Chunks copied from a temporary file, not yet placed: `content` is then the staging's key. */
const staged = 'staged';
const storedKinds = [original, ...derivedKinds];

/** A staging's key begins with when it began (base 36, fixed width, so keys sort by time). */
const stagingKey = (at: number) => `${at.toString(36).padStart(9, '0')}-${randomBytes(12).toString('base64url')}`;

/**
 * Contents as chunks of at most `chunkBytes` in the relay's PostgreSQL (`file_chunks`,
 * migration 940), which every relay node reads: a node's disk holds only its temporary
 * files (under `<data dir>/files/tmp/`). An upload is staged outside any transaction, a
 * chunk per statement, under a key of its own; placing it is one UPDATE that renames those
 * rows to the content, in the transaction that records it, so the bytes are stored exactly
 * when that commits, and a removal's DELETE commits or rolls back with the rows it forgets.
 * Reads ask for a slice at a time (`readSliceBytes`, server/store/slices.ts), as the reader takes them.
 */
export class PostgresBlobs implements BlobStore {
  readonly temp: TempFiles;
  /** The staging key of each temporary file staged and not discarded yet. */
  private readonly stagings = new Map<string, string>();

  /**
   * `folder`: where this relay keeps its temporary files (`tmp/`), and where the contents of
   * a relay that kept them in a folder are found and moved in at start (folder-import.ts).
   */
  constructor(
    private readonly db: Store,
    private readonly folder: string,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {
    this.temp = new TempFiles(folder);
  }

  async start(): Promise<void> {
    await this.temp.start();
    // What a stopped relay staged and never placed (an upload is cut long before an hour).
    await this.db.run('DELETE FROM file_chunks WHERE kind = ? AND content < ?', [staged, stagingKey(this.now() - staleTempMs)]);
    await importFolder(this.db, this, this.folder, this.log);
  }

  async stage(temp: string): Promise<void> {
    const key = stagingKey(this.now());
    this.stagings.set(temp, key);
    await copyIn(this.db, temp, staged, key);
  }

  async has(q: Queries, sha256: string, kind?: DerivedKind): Promise<boolean> {
    return (await q.get('SELECT 1 AS one FROM file_chunks WHERE kind = ? AND content = ? AND seq = 0', [kind ?? original, checked(sha256)])) !== undefined;
  }

  async place(tx: Queries, temp: string, sha256: string): Promise<void> {
    // Stored already (the same bytes, or this transaction's earlier run): the staging is discarded.
    if (await this.has(tx, sha256)) return;
    await this.moveIn(tx, temp, sha256, original);
  }

  async placeDerived(tx: Queries, temp: string, sha256: string, kind: DerivedKind): Promise<number> {
    if (await this.has(tx, sha256, kind)) return 0;
    await this.moveIn(tx, temp, sha256, kind);
    return (await sizeOf(tx, sha256, kind)).size;
  }

  async writeMark(tx: Queries, sha256: string, kind: DerivedKind): Promise<void> {
    await tx.run('INSERT INTO file_chunks (kind, content, seq, bytes) VALUES (?, ?, 0, ?) ON CONFLICT DO NOTHING', [kind, checked(sha256), Buffer.alloc(0)]);
  }

  async remove(tx: Queries, sha256: string): Promise<void> {
    await tx.run(`DELETE FROM file_chunks WHERE kind IN (${storedKinds.map(() => '?').join(', ')}) AND content = ?`, [...storedKinds, checked(sha256)]);
  }

  async read(sha256: string, kind?: DerivedKind): Promise<StoredBytes | null> {
    const { count, size } = await sizeOf(this.db, checked(sha256), kind ?? original);
    if (count === 0) return null;
    // A content's chunks in order, a slice asked for each time the reader wants more.
    const slice = async (seq: number, from: number, length: number) =>
      (
        await this.db.get<{ slice: Buffer }>('SELECT substring(bytes FROM ? FOR ?) AS slice FROM file_chunks WHERE kind = ? AND content = ? AND seq = ?', [
          from,
          length,
          kind ?? original,
          sha256,
          seq,
        ])
      )?.slice;
    return { stream: new SliceStream(slice, count), size };
  }

  async copyTo(sha256: string, target: string): Promise<boolean> {
    const bytes = await this.read(sha256);
    if (!bytes) return false;
    await pipeline(bytes.stream, createWriteStream(target, { flags: 'wx', mode: 0o600 }));
    return true;
  }

  async withFile<T>(sha256: string, use: (file: string) => Promise<T>): Promise<T | null> {
    const file = this.temp.path();
    try {
      if (!(await this.copyTo(sha256, file))) return null;
      return await use(file);
    } finally {
      await this.temp.unlink(file);
    }
  }

  async discard(temp: string): Promise<void> {
    await this.temp.unlink(temp);
    await this.unstage(temp);
  }

  async unstage(file: string): Promise<void> {
    const key = this.stagings.get(file);
    if (key === undefined) return;
    this.stagings.delete(file);
    // Failing here leaves chunks the next start removes; the caller's own outcome stands.
    await this.db.run('DELETE FROM file_chunks WHERE kind = ? AND content = ?', [staged, key]).catch(() => undefined);
  }

  private async moveIn(tx: Queries, temp: string, sha256: string, kind: string) {
    const key = this.stagings.get(temp);
    const moved = key === undefined ? 0 : (await tx.run('UPDATE file_chunks SET kind = ?, content = ? WHERE kind = ? AND content = ?', [kind, sha256, staged, key])).changes;
    if (moved === chunksOf((await stat(temp)).size)) return;
    // Not staged (the caller found the content stored, and it went before this transaction), or staged in part (a node
    // whose clock runs an hour ahead took some of it for a stopped relay's): copied in here, whole.
    if (moved > 0) await tx.run('DELETE FROM file_chunks WHERE kind = ? AND content = ?', [kind, sha256]);
    await copyIn(tx, temp, kind, sha256);
  }
}

function checked(sha256: string): string {
  if (!isSha256(sha256)) throw new Error('not a SHA-256');
  return sha256;
}

async function sizeOf(q: Queries, sha256: string, kind: string): Promise<{ count: number; size: number }> {
  // octet_length reads a TOASTed value's size from its pointer: no chunk is fetched.
  const row = await q.get<{ count: number; size: number }>('SELECT COUNT(*) AS count, COALESCE(SUM(octet_length(bytes)), 0) AS size FROM file_chunks WHERE kind = ? AND content = ?', [kind, sha256]);
  return { count: row?.count ?? 0, size: row?.size ?? 0 };
}

/** How many chunks `copyIn` writes for a file of `size` bytes (an empty file is one empty chunk). */
const chunksOf = (size: number) => Math.max(1, Math.ceil(size / chunkBytes));

/** Writes a file's bytes as the chunks of `content`, a chunk per statement. */
async function copyIn(q: Queries, file: string, kind: string, content: string) {
  const handle = await open(file);
  try {
    for (let seq = 0; ; seq++) {
      const bytes = await readChunk(handle);
      // An empty file is one empty chunk: stored, and empty.
      if (bytes.length > 0 || seq === 0) await q.run('INSERT INTO file_chunks (kind, content, seq, bytes) VALUES (?, ?, ?, ?)', [kind, content, seq, bytes]);
      if (bytes.length < chunkBytes) return;
    }
  } finally {
    await handle.close();
  }
}

/** The next `chunkBytes` of a file (fewer only at its end). */
async function readChunk(handle: FileHandle): Promise<Buffer> {
  const buffer = Buffer.allocUnsafe(chunkBytes);
  let filled = 0;
  while (filled < chunkBytes) {
    const { bytesRead } = await handle.read(buffer, filled, chunkBytes - filled, null);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return buffer.subarray(0, filled);
}
