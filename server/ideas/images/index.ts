import type { PhotoType } from '#core/api/ideas';
import { stripJpeg } from './jpeg.ts';
import { stripPng } from './png.ts';
import { OversizedImage } from './dimensions.ts';
import { MalformedImage, sniffImage } from './sniff.ts';
import { stripWebp } from './webp.ts';

export { MalformedImage } from './sniff.ts';
export { maxMegapixels, maxSidePixels } from './dimensions.ts';

export type CleanedImage = { ok: true; type: PhotoType; bytes: Buffer } | { ok: false; reason: 'not_an_image' | 'malformed' | 'too_large'; detail: string };

/** Judges a file by its content and declared size, and rewrites it without metadata; errors as values. */
export function cleanImage(input: Buffer): CleanedImage {
  const type = sniffImage(input);
  if (!type) return { ok: false, reason: 'not_an_image', detail: 'its content is not a JPEG, PNG or WebP image' };
  try {
    const bytes = type === 'image/jpeg' ? stripJpeg(input) : type === 'image/png' ? stripPng(input) : stripWebp(input);
    return { ok: true, type, bytes };
  } catch (err) {
    if (err instanceof MalformedImage) return { ok: false, reason: 'malformed', detail: err.message };
    if (err instanceof OversizedImage) return { ok: false, reason: 'too_large', detail: err.message };
    throw err;
  }
}
