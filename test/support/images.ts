import { crc32, deflateSync } from 'node:zlib';

/**
 * Small real images for tests, written from bytes: a PNG built chunk by chunk, a JPEG
 * and a WebP (4×3 pixels, encoded once by Chromium's canvas, kept here as hex), each
 * with metadata a photo could leak — where it was taken, who took it, a comment.
 * `leaks` are strings that must not survive the relay's stripping.
 */
export const leaks = ['GPSLatitude', 'Secret comment', 'Jean Photographe', 'xmpmeta', '2026:11:23'];

const exifPayload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), Buffer.from('MM\0*\0\0\0\x08 GPSLatitude 48.8566 Jean Photographe 2026:11:23', 'latin1')]);
const xmp = '<x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:creator>Jean Photographe</dc:creator></x:xmpmeta>';

export function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A 2×2 RGB PNG with text, EXIF and time chunks (and a gamma chunk, which stays). */
export function pngWithMetadata(): Buffer {
  const ihdr = Buffer.from([0, 0, 0, 2, 0, 0, 0, 2, 8, 2, 0, 0, 0]);
  const rows = Buffer.from([0, 200, 30, 30, 30, 120, 200, 0, 240, 240, 240, 10, 10, 10]);
  const time = Buffer.from([0x07, 0xea, 11, 23, 6, 0, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('gAMA', Buffer.from([0, 0, 0xb1, 0x8f])),
    pngChunk('tEXt', Buffer.from('Author\0Jean Photographe', 'latin1')),
    pngChunk('iTXt', Buffer.from(`XML:com.adobe.xmp\0\0\0\0\0${xmp}`, 'latin1')),
    pngChunk('zTXt', Buffer.concat([Buffer.from('Comment\0\0', 'latin1'), deflateSync(Buffer.from('Secret comment'))])),
    pngChunk('eXIf', exifPayload.subarray(6)),
    pngChunk('tIME', time),
    pngChunk('IDAT', deflateSync(rows)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A plain 4×3 baseline JPEG (JFIF, no metadata). */
export const plainJpeg = Buffer.from(
  'ffd8ffe000104a46494600010100000100010000ffdb0043000302020302020303030304030304050805050404050a070706080c0a0c0c0b0a0b0b0d0e12100d0e110e0b0b1016101113141515150c0f171816141812141514ffdb00430103040405040509050509140d0b0d1414141414141414141414141414141414141414141414141414141414141414141414141414141414141414141414141414ffc00011080003000403012200021101031101ffc4001500010100000000000000000000000000000006ffc4001a1001000105000000000000000000000000000103043481b1ffc40014010100000000000000000000000000000007ffc4001d11000006030100000000000000000000000002043573b201030506ffda000c03010002110311003f0082b0c4a7bec805ae336258c95c026f52febe6db730ffd9',
  'hex',
);

export function jpegSegment(marker: number, payload: Buffer): Buffer {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

/** The JPEG with EXIF (APP1), XMP (APP1) and a comment (COM) after its JFIF header, and bytes after EOI. */
export function jpegWithMetadata(): Buffer {
  return Buffer.concat([
    plainJpeg.subarray(0, 20),
    jpegSegment(0xe1, exifPayload),
    jpegSegment(0xe1, Buffer.from(`http://ns.adobe.com/xap/1.0/\0${xmp}`, 'latin1')),
    jpegSegment(0xfe, Buffer.from('Secret comment', 'latin1')),
    plainJpeg.subarray(20),
    Buffer.from('trailing Secret comment', 'latin1'),
  ]);
}

/** A plain 4×3 lossy WebP (one VP8 chunk). */
export const plainWebp = Buffer.from(
  '524946465c0000005745425056503820500000007003009d012a0400030000c01225a80274ba01f8014602a803f8065007e8002ddacba88000fef4bd487937fff3dffb161211fb64f32f62c2423fdc23ff915fcafefb81fefea2d7e57f7dc0fff5e00000',
  'hex',
);

function riffChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.write(type, 0, 'latin1');
  head.writeUInt32LE(data.length, 4);
  return Buffer.concat([head, data, Buffer.alloc(data.length % 2)]);
}

/** The WebP in the extended format (VP8X) with EXIF and XMP chunks, flagged in the header. */
export function webpWithMetadata(): Buffer {
  const vp8x = Buffer.from([0x08 | 0x04, 0, 0, 0, 3, 0, 0, 2, 0, 0]);
  const body = Buffer.concat([
    Buffer.from('WEBP', 'latin1'),
    riffChunk('VP8X', vp8x),
    plainWebp.subarray(12),
    riffChunk('EXIF', exifPayload.subarray(6)),
    riffChunk('XMP ', Buffer.from(xmp, 'latin1')),
  ]);
  const head = Buffer.alloc(8);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(body.length, 4);
  return Buffer.concat([head, body]);
}

/**
 * A real EXIF (TIFF) structure as a phone writes it, in either byte order: IFD0 with the
 * Orientation (0x0112, unless `orientation` is null), the Artist (0x013B, "Jean
 * Photographe") and a pointer (0x8825) to a GPS IFD holding latitude 48° 51' 24" N.
 */
export function phoneExif(orientation: number | null, order: 'II' | 'MM' = 'MM'): Buffer {
  const tiff = Buffer.alloc(122);
  const u16 = (value: number, at: number) => (order === 'II' ? tiff.writeUInt16LE(value, at) : tiff.writeUInt16BE(value, at));
  const u32 = (value: number, at: number) => (order === 'II' ? tiff.writeUInt32LE(value, at) : tiff.writeUInt32BE(value, at));
  const entry = (at: number, tag: number, type: number, count: number, value: number) => {
    u16(tag, at);
    u16(type, at + 2);
    u32(count, at + 4);
    if (type === 3 && count === 1) u16(value, at + 8);
    else u32(value, at + 8);
  };
  tiff.write(order, 0, 'latin1');
  u16(42, 2);
  u32(8, 4);
  const entries: [number, number, number, number][] = [
    ...(orientation === null ? [] : [[0x0112, 3, 1, orientation] as [number, number, number, number]]),
    [0x013b, 2, 17, 50],
    [0x8825, 4, 1, 68],
  ];
  u16(entries.length, 8);
  entries.forEach(([tag, type, count, value], i) => entry(10 + i * 12, tag, type, count, value));
  tiff.write('Jean Photographe\0', 50, 'latin1');
  u16(2, 68);
  entry(70, 0x0001, 2, 2, 0);
  tiff.write('N\0', 78, 'latin1');
  entry(82, 0x0002, 5, 3, 98);
  [48, 1, 51, 1, 24, 1].forEach((value, i) => u32(value, 98 + i * 4));
  return tiff;
}

/** The plain JPEG with a phone's EXIF APP1 after its JFIF header. */
export function jpegWithExif(tiff: Buffer): Buffer {
  return Buffer.concat([plainJpeg.subarray(0, 20), jpegSegment(0xe1, Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff])), plainJpeg.subarray(20)]);
}

/** The 2×2 PNG with only an eXIf chunk before its image data. */
export function pngWithExif(tiff: Buffer): Buffer {
  const png = pngWithMetadata();
  const chunk = (type: string) => {
    const at = png.indexOf(type, 8, 'latin1') - 4;
    return png.subarray(at, at + 12 + png.readUInt32BE(at));
  };
  return Buffer.concat([png.subarray(0, 8), chunk('IHDR'), pngChunk('eXIf', tiff), chunk('IDAT'), chunk('IEND')]);
}

/** The WebP in the extended format with an EXIF chunk, flagged in VP8X. */
export function webpWithExif(tiff: Buffer): Buffer {
  const body = Buffer.concat([
    Buffer.from('WEBP', 'latin1'),
    riffChunk('VP8X', Buffer.from([0x08, 0, 0, 0, 3, 0, 0, 2, 0, 0])),
    plainWebp.subarray(12),
    riffChunk('EXIF', tiff),
  ]);
  const head = Buffer.alloc(8);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(body.length, 4);
  return Buffer.concat([head, body]);
}

/** A text file that only its name calls a JPEG. */
export const fakeJpeg = Buffer.from('This is a shopping list, not a photo.\nMilk, bread, apples.\n', 'utf8');
