import { readExifOrientation, orientationTiff } from './exif-orientation.ts';
import { checkDimensions } from './dimensions.ts';
import { MalformedImage } from './sniff.ts';

/**
 * Rewrites a WebP without its EXIF and XMP chunks (and unknown ones), clearing their
 * flags in the VP8X header and fixing the RIFF size. Image data (VP8, VP8L, ALPH,
 * ANIM/ANMF) and the ICC profile (ICCP) stay. When the (first) EXIF chunk of an extended
 * WebP (VP8X) asks for a turn, a new EXIF chunk holding only the orientation takes its
 * place and the EXIF flag stays set; a simple WebP has no flag to declare it, so there
 * the chunk goes like any other. The canvas (VP8X) and every frame (VP8, VP8L) have
 * their declared size checked (dimensions.ts).
 */
const kept = new Set(['VP8 ', 'VP8L', 'VP8X', 'ALPH', 'ANIM', 'ANMF', 'ICCP']);
const exifFlag = 0x08;
const xmpFlag = 0x04;

export function stripWebp(input: Buffer): Buffer {
  if (input.length < 20 || input.toString('latin1', 0, 4) !== 'RIFF' || input.toString('latin1', 8, 12) !== 'WEBP') {
    throw new MalformedImage('not a WebP RIFF header');
  }
  const riffEnd = 8 + input.readUInt32LE(4);
  if (riffEnd > input.length) throw new MalformedImage('a WebP RIFF size runs past the end of the file');
  const chunks: Buffer[] = [];
  let offset = 12;
  let sawImage = false;
  let vp8x: Buffer | undefined;
  let sawExif = false;
  while (offset < riffEnd) {
    if (offset + 8 > riffEnd) throw new MalformedImage('a WebP chunk is cut short');
    const type = input.toString('latin1', offset, offset + 4);
    const size = input.readUInt32LE(offset + 4);
    const payloadEnd = offset + 8 + size;
    if (payloadEnd > riffEnd) throw new MalformedImage('a WebP chunk runs past the end of the file');
    const pad = size % 2;
    if (type === 'VP8 ' || type === 'VP8L' || type === 'ANMF') sawImage = true;
    checkDeclaredSize(type, input.subarray(offset + 8, payloadEnd));
    if (kept.has(type)) {
      const chunk = Buffer.concat([input.subarray(offset, payloadEnd), Buffer.alloc(pad)]);
      if (type === 'VP8X' && size >= 1) {
        chunk[8] = chunk[8]! & ~(exifFlag | xmpFlag);
        vp8x ??= chunk;
      }
      chunks.push(chunk);
    }
    if (type === 'EXIF' && !sawExif) {
      sawExif = true;
      const orientation = readExifOrientation(input.subarray(offset + 8, payloadEnd));
      if (orientation && vp8x) {
        chunks.push(riffChunk('EXIF', orientationTiff(orientation)));
        vp8x[8] = vp8x[8]! | exifFlag;
      }
    }
    offset = payloadEnd + pad;
  }
  if (!sawImage) throw new MalformedImage('a WebP without image data');
  const body = Buffer.concat(chunks);
  const header = Buffer.alloc(12);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(body.length + 4, 4);
  header.write('WEBP', 8, 'latin1');
  return Buffer.concat([header, body]);
}

/** The size a canvas or a frame declares, checked against the limits; too short a header is malformed. */
function checkDeclaredSize(type: string, payload: Buffer): void {
  if (type === 'VP8X') {
    if (payload.length < 10) throw new MalformedImage('a WebP VP8X header is cut short');
    checkDimensions(payload.readUIntLE(4, 3) + 1, payload.readUIntLE(7, 3) + 1);
  } else if (type === 'VP8 ') {
    if (payload.length < 10) throw new MalformedImage('a WebP VP8 frame header is cut short');
    checkDimensions(payload.readUInt16LE(6) & 0x3fff, payload.readUInt16LE(8) & 0x3fff);
  } else if (type === 'VP8L') {
    if (payload.length < 5) throw new MalformedImage('a WebP VP8L header is cut short');
    const bits = payload.readUInt32LE(1);
    checkDimensions((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
  }
}

function riffChunk(type: string, data: Buffer): Buffer {
  const chunk = Buffer.alloc(8 + data.length + (data.length % 2));
  chunk.write(type, 0, 'latin1');
  chunk.writeUInt32LE(data.length, 4);
  data.copy(chunk, 8);
  return chunk;
}
