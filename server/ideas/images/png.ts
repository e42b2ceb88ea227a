import { crc32 } from 'node:zlib';
import { orientationTiff, readOrientation } from './exif-orientation.ts';
import { checkDimensions } from './dimensions.ts';
import { MalformedImage, pngSignature } from './sniff.ts';

/**
 * Rewrites a PNG with only the chunks needed to show it as intended: the critical ones
 * and those that change its colours or transparency. Text (tEXt, iTXt, zTXt), EXIF
 * (eXIf), timestamps (tIME) and every other ancillary or unknown chunk are dropped.
 * An animated PNG keeps its first frame only (acTL/fcTL/fdAT are dropped). When the
 * (first) eXIf asks for a turn, a new eXIf holding only the orientation takes its place.
 */
const kept = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND', 'tRNS', 'gAMA', 'cHRM', 'sRGB', 'iCCP', 'sBIT', 'pHYs']);

/** The size its IHDR declares is checked before anything else (dimensions.ts). */
export function stripPng(input: Buffer): Buffer {
  if (!input.subarray(0, 8).equals(pngSignature)) throw new MalformedImage('not a PNG signature');
  const parts: Buffer[] = [pngSignature];
  let offset = 8;
  let first = true;
  let sawData = false;
  let sawExif = false;
  for (;;) {
    if (offset + 12 > input.length) throw new MalformedImage('a PNG chunk is cut short');
    const length = input.readUInt32BE(offset);
    const type = input.toString('latin1', offset + 4, offset + 8);
    const end = offset + 12 + length;
    if (length > 0x7fffffff || end > input.length) throw new MalformedImage('a PNG chunk runs past the end of the file');
    if (!/^[A-Za-z]{4}$/.test(type)) throw new MalformedImage('a PNG chunk has no valid type');
    if (first && (type !== 'IHDR' || length !== 13)) throw new MalformedImage('a PNG starts with its IHDR chunk');
    if (first) checkDimensions(input.readUInt32BE(offset + 8), input.readUInt32BE(offset + 12));
    first = false;
    if (type === 'IDAT') sawData = true;
    if (kept.has(type)) parts.push(input.subarray(offset, end));
    if (type === 'eXIf' && !sawExif) {
      sawExif = true;
      const orientation = readOrientation(input.subarray(offset + 8, end - 4));
      if (orientation) parts.push(pngChunk('eXIf', orientationTiff(orientation)));
    }
    offset = end;
    if (type === 'IEND') break;
  }
  if (!sawData) throw new MalformedImage('a PNG without image data');
  return Buffer.concat(parts);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write(type, 4, 'latin1');
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
  return chunk;
}
