import path from 'node:path';
import type { Context } from '../context.ts';
import type { BlobStore } from './blobs.ts';
import { FolderBlobs } from './folder-blobs.ts';
import { PostgresBlobs } from './postgres-blobs.ts';

/**
 * Where the relay keeps attached files' bytes: the folder `CONCLAVE_FILES_DIR` names when
 * it is set; else, on PostgreSQL, the database (every node reads it, each keeping only its
 * temporary files under `<data dir>/files/tmp/`); else, on SQLite, `<data dir>/files/`.
 */
export function blobStoreFor({ config, db, log }: Pick<Context, 'config' | 'db' | 'log'>): BlobStore {
  if (config.files.dir) return new FolderBlobs(config.files.dir);
  const folder = path.join(config.dataDir, 'files');
  return db.engine === 'postgres' ? new PostgresBlobs(db, folder, log) : new FolderBlobs(folder);
}
