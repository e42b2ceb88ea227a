/**
 * How big a picture may be, read from its header without decoding it: a few hundred
 * bytes can declare 30,000 × 30,000 pixels, which every viewer's browser would then try
 * to decode into gigabytes of memory. Photos from phones and cameras stay well inside.
 */
export const maxSidePixels = 12_000;
export const maxMegapixels = 40;

/** A well-formed image whose declared size is over the limits. */
export class OversizedImage extends Error {}

/** Refuses a declared size over either limit (or one that declares no size at all). */
export function checkDimensions(width: number, height: number): void {
  if (width > maxSidePixels || height > maxSidePixels) {
    throw new OversizedImage(`it is ${width} × ${height} pixels; at most ${maxSidePixels.toLocaleString('en')} pixels a side`);
  }
  if (width * height > maxMegapixels * 1_000_000) {
    throw new OversizedImage(`it is ${width} × ${height} pixels; at most ${maxMegapixels} megapixels`);
  }
}
