import path from 'node:path';
import type { Config } from '../config.ts';
import type { Queries } from '../store/store.ts';
import type { BlobStore } from './blobs.ts';
import { FolderBlobs } from './folder-blobs.ts';

/** Where the relay keeps attached files' bytes: `<data dir>/files/`. */
export function blobStoreFor(config: Config, _db: Queries): BlobStore {
  return new FolderBlobs(path.join(config.dataDir, 'files'));
}
