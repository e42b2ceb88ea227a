import { Readable } from 'node:stream';
import sharp from 'sharp';
import { thumbnailMaxPixels } from '../files/thumbnails.ts';
import { WorkQueue } from '../files/work-queue.ts';
import type { Context } from '../context.ts';
import type { StoredBytes } from '../files/blobs.ts';
import { photoStoreFor } from '../ideas/photo-store.ts';

/** The longest side of a public page's photo: 320 CSS pixels on a phone, twice for its screen. */
export const publicThumbnailSide = 640;

/**
 * Thumbnails of idea photos for the public pages, so a phone loads tens of kilobytes, not
 * the 5 MB a photo may weigh: made once per photo by sharp (the files' pipeline: off the
 * event loop, one at a time, 64 waiting, past it 503 busy; pictures over 50 million pixels
 * not decoded), as WebP, and kept beside the photo in the photo store (which retention
 * empties of both). A photo sharp cannot read has none: the caller serves the photo.
 */
export class PublicThumbnails {
  private readonly queue = new WorkQueue<StoredBytes | null>({ running: 1, waiting: 64 });

  constructor(private readonly ctx: Context) {}

  async of(file: string): Promise<StoredBytes | null> {
    const stored = await photoStoreFor(this.ctx).readThumbnail(file);
    if (stored) return stored;
    return this.queue.run(file, () => this.make(file));
  }

  private async make(file: string): Promise<StoredBytes | null> {
    const photos = photoStoreFor(this.ctx);
    const stored = await photos.read(file);
    if (!stored) return null;
    try {
      // A photo is at most CONCLAVE_PHOTO_MAX_BYTES, one made at a time: gathered from its slices for sharp.
      const photo = Buffer.concat(await stored.stream.toArray());
      const thumbnail = await sharp(photo, { limitInputPixels: thumbnailMaxPixels, sequentialRead: true })
        .autoOrient()
        .resize({ width: publicThumbnailSide, height: publicThumbnailSide, fit: 'inside', withoutEnlargement: true })
        .webp({ quality: 75 })
        .toBuffer();
      await photos.writeThumbnail(file, thumbnail);
      return (await photos.readThumbnail(file)) ?? { stream: Readable.from([thumbnail]), size: thumbnail.length };
    } catch (err) {
      this.ctx.log.info({ reason: err instanceof Error ? err.message.slice(0, 200) : String(err) }, 'no thumbnail for an idea photo');
      return null;
    }
  }
}
