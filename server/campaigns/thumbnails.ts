import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import { thumbnailMaxPixels } from '../files/thumbnails.ts';
import { WorkQueue } from '../files/work-queue.ts';
import type { Context } from '../context.ts';

/** The longest side of a public page's photo: 320 CSS pixels on a phone, twice for its screen. */
export const publicThumbnailSide = 640;

/** Where an idea photo's thumbnail lives: beside the photos, named after it (retention removes both). */
export const thumbnailPath = (photoDir: string, file: string) => path.join(photoDir, 'thumbs', `${file}.webp`);

/**
 * Thumbnails of idea photos for the public pages, so a phone loads tens of kilobytes, not
 * the 5 MB a photo may weigh: made once per photo by sharp (the files' pipeline: off the
 * event loop, one at a time, 64 waiting, past it 503 busy; pictures over 50 million pixels
 * not decoded), as WebP. A photo sharp cannot read has none: the caller serves the photo.
 */
export class PublicThumbnails {
  private readonly queue = new WorkQueue<Buffer | null>({ running: 1, waiting: 64 });

  constructor(private readonly ctx: Context) {}

  async of(photoDir: string, file: string): Promise<Buffer | null> {
    const target = thumbnailPath(photoDir, file);
    const stored = await readFile(target).catch(() => null);
    if (stored) return stored;
    return this.queue.run(file, () => this.make(path.join(photoDir, file), target));
  }

  private async make(source: string, target: string): Promise<Buffer | null> {
    await mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await sharp(source, { limitInputPixels: thumbnailMaxPixels, sequentialRead: true })
        .autoOrient()
        .resize({ width: publicThumbnailSide, height: publicThumbnailSide, fit: 'inside', withoutEnlargement: true })
        .webp({ quality: 75 })
        .toFile(temp);
      await rename(temp, target);
      return await readFile(target);
    } catch (err) {
      await rm(temp, { force: true });
      this.ctx.log.info({ reason: err instanceof Error ? err.message.slice(0, 200) : String(err) }, 'no thumbnail for an idea photo');
      return null;
    }
  }
}
