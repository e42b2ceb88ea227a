import type { Readable } from 'node:stream';
import sharp from 'sharp';
import { hasThumbnail as thumbnailable } from '#core/api/files';
import type { Context } from '../context.ts';
import type { BlobStore } from './blobs.ts';
import { keepDerived } from './derived.ts';
import { WorkQueue } from './work-queue.ts';


/**
 * Thumbnails one person, and one organisation, may have being made at once (waiting
 * included): nobody holds the relay's line of 64. A person's share is above the six
 * requests a browser sends at once to one host, so a list of new pictures still loads.
 */
export const thumbnailJobsPerPerson = 8;
export const thumbnailJobsPerOrganisation = 32;

/** Who asks for a thumbnail: their share of the line is counted. */
export interface ThumbnailAsker {
  userId: string;
  orgId: string;
}

/** The longest side of a thumbnail, in pixels. */
export const thumbnailSide = 320;
/** Pictures over this many pixels are not decoded (a few hundred bytes can declare gigapixels). */
export const thumbnailMaxPixels = 50_000_000;

// libvips works in its own threads, off the event loop; one at a time, and no cache held between images.
sharp.concurrency(1);
sharp.cache(false);

/**
 * Thumbnails of attached images, made once per content by sharp (off the event loop, one
 * at a time, 64 waiting at most, a share of them per person and per organisation: 429 past it), turned as the EXIF orientation says, without metadata,
 * as WebP. Placed inside a store transaction only while the content is still stored (a
 * removal meanwhile leaves nothing behind). An image sharp cannot read, or too large, is
 * marked: it has no thumbnail, and is not tried again.
 */
export class Thumbnails {
  private readonly queue = new WorkQueue<boolean>({ running: 1, waiting: 64 });

  constructor(private readonly ctx: Context, private readonly blobs: BlobStore) {}

  /** The thumbnail's bytes, made now if need be; null when the content has none. */
  async open(sha256: string, type: string, asker: ThumbnailAsker): Promise<{ stream: Readable; size: number } | null> {
    if (!thumbnailable(type) || (await this.blobs.has(this.ctx.db, sha256, 'thumb.failed'))) return null;
    const shares = [
      { key: `person:${asker.userId}`, most: thumbnailJobsPerPerson },
      { key: `organisation:${asker.orgId}`, most: thumbnailJobsPerOrganisation },
    ];
    if (!(await this.blobs.has(this.ctx.db, sha256, 'thumb.webp')) && !(await this.queue.run(sha256, () => this.make(sha256), shares))) return null;
    return this.blobs.read(sha256, 'thumb.webp');
  }

  /** Makes it soon, if it is an image, without waiting (after an upload); a full line skips it: it is made when asked. */
  prepare(sha256: string, type: string, asker: ThumbnailAsker): void {
    if (!thumbnailable(type)) return;
    this.open(sha256, type, asker).catch(() => undefined);
  }

  private async make(sha256: string): Promise<boolean> {
    const { db } = this.ctx;
    if (await this.blobs.has(db, sha256, 'thumb.webp')) return true;
    const temp = this.blobs.temp.path();
    try {
      // sharp reads a file (on PostgreSQL a temporary copy, gone after): never the image whole in memory.
      const made = await this.blobs.withFile(sha256, (source) =>
        sharp(source, { limitInputPixels: thumbnailMaxPixels, sequentialRead: true })
          .autoOrient()
          .resize({ width: thumbnailSide, height: thumbnailSide, fit: 'inside', withoutEnlargement: true })
          .webp({ quality: 75 })
          .toFile(temp)
          .then(
            () => true,
            (err: unknown) => {
              this.ctx.log.info({ content: sha256.slice(0, 12), reason: err instanceof Error ? err.message.slice(0, 200) : String(err) }, 'no thumbnail for an image');
              return false;
            },
          ),
      );
      // The content went meanwhile: nothing to keep.
      if (made === null) return false;
      if (made) await this.blobs.stage(temp);
      await db.transaction(async (tx) => {
        if (made) await keepDerived(tx, this.blobs, temp, sha256, 'thumb.webp');
        else if (await tx.get('SELECT 1 FROM file_blobs WHERE sha256 = ?', [sha256])) await this.blobs.writeMark(tx, sha256, 'thumb.failed');
      });
      return made;
    } finally {
      await this.blobs.discard(temp);
    }
  }
}
