import { describe, expect, it } from 'vitest';
import { cleanImage } from '../../../../server/ideas/images/index.ts';
import { fakeJpeg, jpegWithMetadata, leaks, plainJpeg, plainWebp, pngWithMetadata, webpWithMetadata } from '../../../support/images.ts';

function cleaned(input: Buffer) {
  const result = cleanImage(input);
  if (!result.ok) throw new Error(`refused: ${result.detail}`);
  return result;
}

function chunkTypes(png: Buffer): string[] {
  const types: string[] = [];
  for (let at = 8; at < png.length; at += 12 + png.readUInt32BE(at)) types.push(png.toString('latin1', at + 4, at + 8));
  return types;
}

describe('photos are judged by content and stripped of metadata', () => {
  it('PNG: keeps the image and its gamma, drops text, EXIF and time chunks', () => {
    const input = pngWithMetadata();
    for (const leak of ['Jean Photographe', 'xmpmeta', 'GPSLatitude']) expect(input.toString('latin1')).toContain(leak);
    const out = cleaned(input);
    expect(out.type).toBe('image/png');
    expect(chunkTypes(out.bytes)).toEqual(['IHDR', 'gAMA', 'IDAT', 'IEND']);
    for (const leak of leaks) expect(out.bytes.toString('latin1')).not.toContain(leak);
  });

  it('JPEG: drops EXIF, XMP, comments and what follows the end, keeps JFIF and the scan byte for byte', () => {
    const out = cleaned(jpegWithMetadata());
    expect(out.type).toBe('image/jpeg');
    expect(out.bytes.equals(plainJpeg)).toBe(true);
    for (const leak of leaks) expect(out.bytes.toString('latin1')).not.toContain(leak);
  });

  it('WebP: drops EXIF and XMP chunks, clears their flags, fixes the RIFF size', () => {
    const out = cleaned(webpWithMetadata());
    expect(out.type).toBe('image/webp');
    for (const leak of leaks) expect(out.bytes.toString('latin1')).not.toContain(leak);
    expect(out.bytes.readUInt32LE(4)).toBe(out.bytes.length - 8);
    expect(out.bytes.toString('latin1', 12, 16)).toBe('VP8X');
    expect(out.bytes[20]! & 0x0c).toBe(0);
    expect(out.bytes.subarray(out.bytes.length - (plainWebp.length - 12)).equals(plainWebp.subarray(12))).toBe(true);
    expect(cleaned(plainWebp).bytes.equals(plainWebp)).toBe(true);
  });

  it('refuses a text file named .jpg, and damaged images', () => {
    expect(cleanImage(fakeJpeg)).toMatchObject({ ok: false, reason: 'not_an_image' });
    expect(cleanImage(Buffer.alloc(0))).toMatchObject({ ok: false, reason: 'not_an_image' });
    expect(cleanImage(plainJpeg.subarray(0, 200))).toMatchObject({ ok: false, reason: 'malformed' });
    expect(cleanImage(pngWithMetadata().subarray(0, 60))).toMatchObject({ ok: false, reason: 'malformed' });
    const lying = Buffer.from(plainWebp);
    lying.writeUInt32LE(5000, 4);
    expect(cleanImage(lying)).toMatchObject({ ok: false, reason: 'malformed' });
  });
});
