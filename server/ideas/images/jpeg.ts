import { exifHeader, orientationTiff, readExifOrientation } from './exif-orientation.ts';
import { checkDimensions } from './dimensions.ts';
import { MalformedImage } from './sniff.ts';

/**
 * Rewrites a JPEG without its metadata: every APPn segment goes (EXIF with the place a
 * photo was taken, XMP, maker notes, thumbnails) except those decoders need to show
 * the picture right — JFIF (APP0), the ICC colour profile (APP2 "ICC_PROFILE") and
 * Adobe's colour transform (APP14) — and every comment (COM) goes. Of the other
 * segments only those a decoder needs are kept — frame headers (SOFn), tables (DQT, DHT,
 * DAC), the restart interval (DRI), the line count (DNL) and the scans with their
 * entropy-coded data; any other marker (JPGn, DHP, EXP, reserved ones) is dropped, never
 * copied, and so is anything after EOI. Every frame header's size is checked (dimensions.ts).
 * A photo's EXIF orientation survives alone: when the first EXIF segment asks for a
 * turn (Orientation 2–8), a new minimal EXIF APP1 holding only that tag is written right
 * after SOI, or after the JFIF APP0 that must come first.
 */
const SOI = 0xd8;
const EOI = 0xd9;
const SOS = 0xda;
const COM = 0xfe;
const DQT = 0xdb;
const DNL = 0xdc;
const DRI = 0xdd;
const DHT = 0xc4;
const DAC = 0xcc;

/** SOF0–SOF15, leaving out the markers in their range that are not frames (DHT, JPG, DAC). */
function isFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== DHT && marker !== 0xc8 && marker !== DAC;
}

/** Segments a decoder needs besides the APPn kept by `keepApp`. */
function isNeeded(marker: number): boolean {
  return isFrame(marker) || marker === DHT || marker === DAC || marker === DQT || marker === DRI || marker === DNL || marker === SOS;
}

function keepApp(marker: number, payload: Buffer): boolean {
  if (marker === 0xe0) return payload.toString('latin1', 0, 5) === 'JFIF\0';
  if (marker === 0xe2) return payload.toString('latin1', 0, 12) === 'ICC_PROFILE\0';
  if (marker === 0xee) return payload.toString('latin1', 0, 5) === 'Adobe';
  return false;
}

export function stripJpeg(input: Buffer): Buffer {
  if (input[0] !== 0xff || input[1] !== SOI) throw new MalformedImage('not a JPEG start of image');
  const parts: Buffer[] = [input.subarray(0, 2)];
  let offset = 2;
  let sawFrame = false;
  let sawScan = false;
  let orientation: number | null | undefined;
  for (;;) {
    // Markers may be preceded by fill bytes (0xFF).
    if (offset >= input.length || input[offset] !== 0xff) throw new MalformedImage('a JPEG segment does not start with a marker');
    while (input[offset] === 0xff) offset++;
    const marker = input[offset];
    if (marker === undefined) throw new MalformedImage('a JPEG ends inside a marker');
    offset++;
    if (marker === EOI) {
      parts.push(Buffer.from([0xff, EOI]));
      break;
    }
    if (marker === SOI || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      throw new MalformedImage('a JPEG has a stray marker');
    }
    if (offset + 2 > input.length) throw new MalformedImage('a JPEG segment is cut short');
    const length = input.readUInt16BE(offset);
    const end = offset + length;
    if (length < 2 || end > input.length) throw new MalformedImage('a JPEG segment runs past the end of the file');
    const segment = input.subarray(offset - 2, end);
    const payload = input.subarray(offset + 2, end);
    offset = end;
    if (isFrame(marker)) {
      if (payload.length < 5) throw new MalformedImage('a JPEG frame header is cut short');
      checkDimensions(payload.readUInt16BE(3), payload.readUInt16BE(1));
      sawFrame = true;
    }
    if (marker === COM) continue;
    if (marker >= 0xe0 && marker <= 0xef) {
      if (marker === 0xe1 && orientation === undefined && payload.subarray(0, exifHeader.length).equals(exifHeader)) {
        orientation = readExifOrientation(payload);
      }
      if (keepApp(marker, payload)) parts.push(segment);
      continue;
    }
    if (!isNeeded(marker)) continue;
    parts.push(segment);
    if (marker === SOS) {
      if (!sawFrame) throw new MalformedImage('a JPEG scan comes before its frame header');
      sawScan = true;
      const dataEnd = endOfScan(input, offset);
      parts.push(input.subarray(offset, dataEnd));
      offset = dataEnd;
    }
  }
  if (!sawScan) throw new MalformedImage('a JPEG without image data');
  if (orientation) {
    const afterJfif = parts[1]?.[1] === 0xe0 ? 2 : 1;
    parts.splice(afterJfif, 0, orientationSegment(orientation));
  }
  return Buffer.concat(parts);
}

/** An APP1 segment "Exif\0\0" + a TIFF structure holding only the orientation. */
function orientationSegment(orientation: number): Buffer {
  const payload = Buffer.concat([exifHeader, orientationTiff(orientation)]);
  const head = Buffer.from([0xff, 0xe1, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
}

/** Where the entropy-coded data after SOS ends: the first marker that is not a restart or a stuffed 0xFF. */
function endOfScan(input: Buffer, from: number): number {
  let i = from;
  while (i + 1 < input.length) {
    if (input[i] === 0xff) {
      const next = input[i + 1]!;
      if (next === 0x00 || (next >= 0xd0 && next <= 0xd7) || next === 0xff) {
        i += next === 0xff ? 1 : 2;
        continue;
      }
      return i;
    }
    i++;
  }
  throw new MalformedImage('a JPEG ends inside its image data');
}
