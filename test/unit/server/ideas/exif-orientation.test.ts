import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readExifOrientation, readOrientation } from '../../../../server/ideas/images/exif-orientation.ts';
import { cleanImage } from '../../../../server/ideas/images/index.ts';
import { jpegWithExif, phoneExif, plainJpeg, plainWebp, pngWithExif, webpWithExif } from '../../../support/images.ts';

function cleaned(input: Buffer): Buffer {
  const result = cleanImage(input);
  if (!result.ok) throw new Error(`refused: ${result.detail}`);
  return result.bytes;
}

// Written out by hand from the TIFF 6.0 and EXIF 2.3 layouts, not by the code under test:
// "MM", 42, IFD0 at 8; one entry: tag 0x0112, type SHORT, count 1, value 6 (padded); no next IFD.
const orientation6Tiff = Buffer.from('4d4d002a00000008' + '0001' + '0112' + '0003' + '00000001' + '00060000' + '00000000', 'hex');
const orientation6App1 = Buffer.concat([Buffer.from('ffe10022', 'hex'), Buffer.from('Exif\0\0', 'latin1'), orientation6Tiff]);

/** What must never survive: the GPS IFD pointer tag (either byte order), the artist, the latitude's degrees. */
function expectNoPhoneMetadata(bytes: Buffer) {
  expect(bytes.includes(Buffer.from([0x88, 0x25]))).toBe(false);
  expect(bytes.includes(Buffer.from([0x25, 0x88]))).toBe(false);
  expect(bytes.toString('latin1')).not.toContain('Jean Photographe');
  expect(bytes.includes(Buffer.from([0, 0, 0, 48, 0, 0, 0, 1]))).toBe(false);
  expect(bytes.includes(Buffer.from([48, 0, 0, 0, 1, 0, 0, 0]))).toBe(false);
}

function pngChunks(png: Buffer): { type: string; data: Buffer; crc: number }[] {
  const chunks = [];
  for (let at = 8; at < png.length; at += 12 + png.readUInt32BE(at)) {
    const length = png.readUInt32BE(at);
    chunks.push({ type: png.toString('latin1', at + 4, at + 8), data: png.subarray(at + 8, at + 8 + length), crc: png.readUInt32BE(at + 8 + length) });
  }
  return chunks;
}

describe('a photo keeps its EXIF orientation and nothing else of its EXIF', () => {
  it('JPEG (both byte orders): a minimal EXIF with Orientation 6 follows JFIF; GPS and artist are gone; the scan is untouched', () => {
    for (const order of ['MM', 'II'] as const) {
      const input = jpegWithExif(phoneExif(6, order));
      expect(input.includes(Buffer.from(order === 'MM' ? [0x88, 0x25] : [0x25, 0x88]))).toBe(true);
      expect(input.toString('latin1')).toContain('Jean Photographe');
      const out = cleaned(input);
      expect(out.equals(Buffer.concat([plainJpeg.subarray(0, 20), orientation6App1, plainJpeg.subarray(20)]))).toBe(true);
      expect(readExifOrientation(out.subarray(24, 20 + orientation6App1.length))).toBe(6);
      expectNoPhoneMetadata(out);
    }
  });

  it('JPEG without JFIF: the orientation segment comes right after SOI', () => {
    const input = jpegWithExif(phoneExif(3));
    const noJfif = Buffer.concat([input.subarray(0, 2), input.subarray(20)]);
    const out = cleaned(noJfif);
    expect(out.subarray(0, 4).equals(Buffer.from('ffd8ffe1', 'hex'))).toBe(true);
    expect(readExifOrientation(out.subarray(6, 2 + orientation6App1.length))).toBe(3);
    expectNoPhoneMetadata(out);
  });

  it('JPEG with Orientation 1, an unknown orientation or none: no EXIF at all', () => {
    for (const orientation of [1, 0, 9, null]) expect(cleaned(jpegWithExif(phoneExif(orientation))).equals(plainJpeg)).toBe(true);
  });

  it('PNG: a new eXIf with only the orientation, with a valid CRC, before the image data', () => {
    const out = cleaned(pngWithExif(phoneExif(6, 'II')));
    const chunks = pngChunks(out);
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'eXIf', 'IDAT', 'IEND']);
    const exif = chunks[1]!;
    expect(exif.data.equals(orientation6Tiff)).toBe(true);
    expect(exif.crc).toBe(crc32(Buffer.concat([Buffer.from('eXIf', 'latin1'), exif.data])));
    expectNoPhoneMetadata(out);
    expect(pngChunks(cleaned(pngWithExif(phoneExif(1)))).map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
  });

  it('WebP: a new EXIF chunk with only the orientation, its VP8X flag set, the RIFF size right', () => {
    const out = cleaned(webpWithExif(phoneExif(6)));
    expect(out.readUInt32LE(4)).toBe(out.length - 8);
    expect(out[20]! & 0x08).toBe(0x08);
    const exifAt = out.length - 8 - orientation6Tiff.length;
    expect(out.toString('latin1', exifAt, exifAt + 4)).toBe('EXIF');
    expect(out.readUInt32LE(exifAt + 4)).toBe(orientation6Tiff.length);
    expect(out.subarray(exifAt + 8).equals(orientation6Tiff)).toBe(true);
    expectNoPhoneMetadata(out);
    const upright = cleaned(webpWithExif(phoneExif(1)));
    expect(upright[20]! & 0x08).toBe(0);
    expect(upright.toString('latin1')).not.toContain('EXIF');
    // A simple WebP (no VP8X) cannot declare an EXIF chunk: it goes.
    const simple = Buffer.concat([plainWebp, Buffer.from('EXIF', 'latin1'), Buffer.from([122, 0, 0, 0]), phoneExif(6)]);
    simple.writeUInt32LE(simple.length - 8, 4);
    expect(cleaned(simple).equals(plainWebp)).toBe(true);
  });
});

describe('a hostile EXIF never throws: it only means no orientation is kept', () => {
  function tiffWith(edit: (tiff: Buffer) => void): Buffer {
    const tiff = phoneExif(6);
    edit(tiff);
    return tiff;
  }

  it('every truncation of the EXIF: the orientation is kept exactly when its entry is whole', () => {
    const tiff = phoneExif(6);
    for (let length = 0; length <= tiff.length; length++) {
      const out = cleaned(jpegWithExif(tiff.subarray(0, length)));
      if (length < 22) expect(out.equals(plainJpeg)).toBe(true);
      else expect(out.includes(orientation6App1)).toBe(true);
    }
  });

  it('offsets past the end, huge counts, wrong types, byte orders and magic numbers, loops', () => {
    const broken = [
      tiffWith((t) => t.writeUInt32BE(0xfffffff0, 4)), // IFD0 past the end
      tiffWith((t) => t.writeUInt32BE(121, 4)), // IFD0 whose count is cut
      tiffWith((t) => t.writeUInt32BE(4, 4)), // IFD0 inside the header
      tiffWith((t) => t.writeUInt16BE(0xffff, 8)), // 65,535 entries in 122 bytes (the orientation is not first)
      tiffWith((t) => t.writeUInt16BE(4, 12)), // Orientation as a LONG
      tiffWith((t) => t.writeUInt32BE(2, 14)), // Orientation with two values
      tiffWith((t) => t.write('XX', 0, 'latin1')), // no byte order
      tiffWith((t) => t.writeUInt16BE(43, 2)), // not TIFF's 42
    ];
    broken[3]!.writeUInt16BE(0x013b, 10);
    for (const tiff of broken) {
      expect(readOrientation(tiff)).toBeNull();
      expect(cleaned(jpegWithExif(tiff)).equals(plainJpeg)).toBe(true);
    }
    // Loops: the next-IFD and GPS pointers lead back to IFD0; only IFD0 is ever read.
    const looping = tiffWith((t) => {
      t.writeUInt32BE(8, 46);
      t.writeUInt32BE(8, 42);
    });
    expect(readOrientation(looping)).toBe(6);
    const loopingWithout = phoneExif(null);
    loopingWithout.writeUInt32BE(8, 34);
    expect(readOrientation(loopingWithout)).toBeNull();
    expect(cleaned(pngWithExif(loopingWithout)).includes(Buffer.from('eXIf', 'latin1'))).toBe(false);
    expect(readExifOrientation(Buffer.from('Exif\0\0', 'latin1'))).toBeNull();
  });

  it('random bytes behind a TIFF header, in JPEG, PNG and WebP: always cleaned, never thrown', () => {
    let seed = 2041;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let round = 0; round < 300; round++) {
      const tiff = Buffer.alloc(8 + (next() % 80));
      for (let i = 0; i < tiff.length; i++) tiff[i] = next() % 256;
      tiff.write(round % 2 ? 'MM\0*' : 'II*\0', 0, 'latin1');
      if (round % 3 === 0) tiff.writeUInt8(8, round % 2 ? 7 : 4);
      for (const image of [jpegWithExif(tiff), pngWithExif(tiff), webpWithExif(tiff)]) expect(cleanImage(image).ok).toBe(true);
    }
  });
});
