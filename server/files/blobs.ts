import type { Readable } from 'node:stream';
import type { Queries } from '../store/store.ts';
import type { TempFiles } from './temp-files.ts';

/** Files made from a content: a thumbnail, an Office document's PDF, and the marks that making them failed. */
export const derivedKinds = ['thumb.webp', 'thumb.failed', 'preview.pdf', 'preview.failed'] as const;
export type DerivedKind = (typeof derivedKinds)[number];

/** Stored bytes, streamed: never the whole file in memory. */
export interface StoredBytes {
  stream: Readable;
  size: number;
}

/**
 * The bytes of attached files, stored once per content and named by its SHA-256, so where
 * they lie says nothing of the activity, the person or the name. What the relay makes from
 * a content (its thumbnail, an Office file's PDF, or a mark that making it failed) is stored
 * beside it, once per content, and goes with it.
 *
 * Two stores keep one contract (test/integration/files/blob-store-contract.test.ts):
 * `FolderBlobs`, files in a folder (the relay on SQLite, or `CONCLAVE_FILES_DIR`), and
 * `PostgresBlobs`, chunks in a table of the relay's PostgreSQL, which every node reads
 * (`blobStoreFor` picks). Both take new bytes from a temporary file of this relay
 * (`temp`): `stage` readies it outside any transaction, then `place`/`placeDerived` keep
 * it inside the store's transaction that records the content, and `remove` takes it inside
 * the one that forgets it. Those transactions are serialised, so a removal cannot take
 * away bytes an upload has just counted on. However it ended, the caller `discard`s its
 * temporary file.
 */
export interface BlobStore {
  /** This relay's temporary files (uploads stream there first). */
  readonly temp: TempFiles;
  /** Makes what the store needs and removes what stopped relays left behind. */
  start(): Promise<void>;
  /**
   * Readies a temporary file to be placed (outside any transaction: its bytes may be many).
   * A file placed unstaged is still kept, copied inside the transaction (the slow way: for a
   * content found stored, so not staged, that went before the transaction).
   */
  stage(temp: string): Promise<void>;
  /** Whether the content (or what `kind` names of it) is stored, as `q` sees it (a transaction, or the store). */
  has(q: Queries, sha256: string, kind?: DerivedKind): Promise<boolean>;
  /** Inside a transaction: keeps a staged temporary file as the content `sha256` (nothing more when it is stored already). */
  place(tx: Queries, temp: string, sha256: string): Promise<void>;
  /** Inside a transaction: keeps a staged made file as `kind` of the content; answers its size (0 when one was kept already). */
  placeDerived(tx: Queries, temp: string, sha256: string, kind: DerivedKind): Promise<number>;
  /** Inside a transaction: marks that making `kind` from the content failed (it reads as empty). */
  writeMark(tx: Queries, sha256: string, kind: DerivedKind): Promise<void>;
  /** Inside a transaction: removes a content and everything made from it. */
  remove(tx: Queries, sha256: string): Promise<void>;
  /** The stored bytes, streamed; null when they are not stored. */
  read(sha256: string, kind?: DerivedKind): Promise<StoredBytes | null>;
  /** Writes the content into a new file `target` (never over one): one copy, the caller's to keep or remove; false when it is not stored. */
  copyTo(sha256: string, target: string): Promise<boolean>;
  /** Runs `use` on a file holding the content (a temporary copy where need be, removed after); null when it is not stored. */
  withFile<T>(sha256: string, use: (file: string) => Promise<T>): Promise<T | null>;
  /** Removes a temporary file, and whatever was staged from it and not placed. */
  discard(temp: string): Promise<void>;
  /** Removes whatever was staged from a file and not placed, keeping the file (a folder's content an import failed to place). */
  unstage(file: string): Promise<void>;
}

export function isSha256(value: string): boolean {
  return /^[0-9a-f]{64}$/.test(value);
}
