import type { Context } from '../context.ts';
import type { BlobStore } from './blobs.ts';
import type { OfficePreviews } from './office.ts';
import type { Slots } from './slots.ts';
import type { Thumbnails } from './thumbnails.ts';

/** What the file use-cases work with: the relay's context, the blob store and the two derived-file queues. */
export interface FilesDeps {
  ctx: Context;
  blobs: BlobStore;
  /** Uploads streaming now, per person (config.files.uploadsPerPerson). */
  streaming: Slots;
  thumbnails: Thumbnails;
  office: OfficePreviews;
}
