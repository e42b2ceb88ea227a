import path from 'node:path';
import type { Context } from '../context.ts';
import type { BlobStore } from './blobs.ts';
import { FolderBlobs } from './folder-blobs.ts';
import { moveFolder, refuseFolderOverDatabase } from './folder-move.ts';
import { PostgresBlobs } from './postgres-blobs.ts';

/**
 * Where the relay keeps attached files' bytes: the folder `CONCLAVE_FILES_DIR` names when
 * it is set; else, on PostgreSQL, the database (every node reads it, each keeping only its
 * temporary files under `<data dir>/files/tmp/`); else, on SQLite, `<data dir>/files/`.
 * With `CONCLAVE_FILES_DIR` set, the relay moves into it at start what `<data dir>/files/`
 * holds (every relay kept its files there before the variable was read), and on PostgreSQL
 * refuses to start when the database holds files already (folder-move.ts).
 */
export function blobStoreFor({ config, db, log }: Pick<Context, 'config' | 'db' | 'log'>): BlobStore {
  const folder = path.join(config.dataDir, 'files');
  const dir = config.files.dir;
  if (dir) {
    return new FolderBlobs(dir, async (blobs) => {
      await refuseFolderOverDatabase(db, dir);
      if (path.resolve(folder) !== path.resolve(dir)) await moveFolder(folder, blobs, log);
    });
  }
  return db.engine === 'postgres' ? new PostgresBlobs(db, folder, log) : new FolderBlobs(folder);
}
