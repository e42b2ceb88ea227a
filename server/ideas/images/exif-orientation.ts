/**
 * The one piece of EXIF a photo keeps: its orientation (tag 0x0112), which tells viewers
 * to turn a picture a phone stored sideways. Everything else in EXIF (the GPS position,
 * the author, the device, maker notes, thumbnails) goes; a kept orientation is written
 * into a new, minimal TIFF structure holding that single tag.
 *
 * The original EXIF comes from the uploader and is read defensively: only IFD0 is read
 * (no offset is ever followed beyond it, so a looping structure cannot loop), every read
 * is bounds-checked, and anything malformed simply means "no orientation kept".
 */
const orientationTag = 0x0112;
const shortType = 3;

/** The EXIF header that starts a JPEG APP1 segment (and, in some files, a WebP EXIF chunk). */
export const exifHeader = Buffer.from('Exif\0\0', 'latin1');

/**
 * The orientation (2–8) a TIFF structure's IFD0 asks for, or null when it asks for none,
 * for the default (1), for an unknown value, or when the structure is malformed.
 */
export function readOrientation(tiff: Buffer): number | null {
  if (tiff.length < 8) return null;
  const order = tiff.toString('latin1', 0, 2);
  if (order !== 'II' && order !== 'MM') return null;
  const little = order === 'II';
  const u16 = (at: number): number => (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const u32 = (at: number): number => (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at));
  if (u16(2) !== 42) return null;
  const ifd = u32(4);
  if (ifd < 8 || ifd + 2 > tiff.length) return null;
  const count = u16(ifd);
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12;
    if (entry + 12 > tiff.length) return null;
    if (u16(entry) !== orientationTag) continue;
    if (u16(entry + 2) !== shortType || u32(entry + 4) !== 1) return null;
    const value = u16(entry + 8);
    return value >= 2 && value <= 8 ? value : null;
  }
  return null;
}

/** The orientation in an EXIF payload that may or may not start with "Exif\0\0". */
export function readExifOrientation(payload: Buffer): number | null {
  const start = payload.subarray(0, exifHeader.length).equals(exifHeader) ? exifHeader.length : 0;
  return readOrientation(payload.subarray(start));
}

/**
 * A big-endian TIFF structure whose IFD0 holds only the orientation:
 * header (MM, 42, IFD0 at 8), one entry (0x0112, SHORT, 1, value), no next IFD.
 */
export function orientationTiff(orientation: number): Buffer {
  const tiff = Buffer.alloc(26);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4);
  tiff.writeUInt16BE(1, 8);
  tiff.writeUInt16BE(orientationTag, 10);
  tiff.writeUInt16BE(shortType, 12);
  tiff.writeUInt32BE(1, 14);
  tiff.writeUInt16BE(orientation, 18);
  // Bytes 20–21 pad the value field; 22–25 say there is no next IFD.
  return tiff;
}
