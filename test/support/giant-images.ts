import { deflateSync } from 'node:zlib';
import { jpegSegment, plainJpeg, plainWebp, pngChunk } from './images.ts';

/**
 * Small files that declare huge pictures (a few hundred bytes that a viewer's browser
 * would try to decode into gigabytes), and a JPEG carrying segments no decoder needs.
 */

/** A PNG whose header says `width`×`height` (its data is one short row). */
export function pngDeclaring(width: number, height: number): Buffer {
  const ihdr = Buffer.from([0, 0, 0, 0, 0, 0, 0, 0, 8, 2, 0, 0, 0]);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(Buffer.from([0, 1, 2, 3]))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The 4×3 JPEG with its frame header (SOF0) saying `width`×`height`. */
export function jpegDeclaring(width: number, height: number): Buffer {
  const out = Buffer.from(plainJpeg);
  const sof = out.indexOf(Buffer.from([0xff, 0xc0]));
  out.writeUInt16BE(height, sof + 5);
  out.writeUInt16BE(width, sof + 7);
  return out;
}

/** The 4×3 WebP in the extended format, its canvas (VP8X) saying `width`×`height`. */
export function webpDeclaring(width: number, height: number): Buffer {
  const vp8x = Buffer.alloc(10);
  vp8x.writeUIntLE(width - 1, 4, 3);
  vp8x.writeUIntLE(height - 1, 7, 3);
  const chunk = Buffer.concat([Buffer.from('VP8X', 'latin1'), Buffer.from([10, 0, 0, 0]), vp8x]);
  const body = Buffer.concat([Buffer.from('WEBP', 'latin1'), chunk, plainWebp.subarray(12)]);
  const head = Buffer.alloc(8);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(body.length, 4);
  return Buffer.concat([head, body]);
}

/**
 * The 4×3 JPEG with segments no decoder needs to show it, each carrying a secret:
 * JPG0 (0xF0), JPG (0xC8), DHP (0xDE) and a reserved marker (0x4F), all before its tables.
 */
export const unknownSegmentSecrets = ['Secret in JPG0', 'Secret in JPG', 'Secret in DHP', 'Secret in reserved'];
export function jpegWithUnknownSegments(): Buffer {
  return Buffer.concat([
    plainJpeg.subarray(0, 20),
    jpegSegment(0xf0, Buffer.from(unknownSegmentSecrets[0]!, 'latin1')),
    jpegSegment(0xc8, Buffer.from(unknownSegmentSecrets[1]!, 'latin1')),
    jpegSegment(0xde, Buffer.from(unknownSegmentSecrets[2]!, 'latin1')),
    jpegSegment(0x4f, Buffer.from(unknownSegmentSecrets[3]!, 'latin1')),
    plainJpeg.subarray(20),
  ]);
}
