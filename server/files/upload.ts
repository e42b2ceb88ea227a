import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import { ErrorCode } from '#core/api/errors';
import { cleanFileName } from '#core/api/files';
import { Refusal, badRequest } from '../errors.ts';
import type { BlobStore } from './blobs.ts';
import { headBytes } from './sniff.ts';

/** One file of an upload, written to a temporary file while it arrived. */
export interface ReceivedFile {
  name: string;
  temp: string;
  sha256: string;
  bytes: number;
  /** Its first bytes (at most `headBytes`), to tell its type. */
  head: Buffer;
}

export interface UploadLimits {
  maxFileBytes: number;
  maxFiles: number;
  /** An upload that sends nothing for this long is cut, and nothing of it is kept. */
  stallMs: number;
  /** What the sender may still store (their plan), and its refusal: an upload is read no further. Null: no limit. */
  room?: { left: number; refusal: (bytes: number) => Refusal } | null;
}

/** Room for the multipart framing of each file (boundaries and part headers). */
const framingPerFile = 16 * 1024;

const megabytes = (n: number) => `${Math.floor(n / (1024 * 1024))} MB`;
export const tooLarge = (max: number) =>
  new Refusal(ErrorCode.payloadTooLarge, `This file is too large: files of at most ${megabytes(max)} are accepted.`, [
    { path: 'file', message: `at most ${megabytes(max)}` },
  ]);

/** Hashes, counts and keeps the first bytes of what passes through, unchanged. */
function meter() {
  const hash = createHash('sha256');
  const head: Buffer[] = [];
  let headLength = 0;
  let bytes = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      if (headLength < headBytes) {
        const part = Buffer.from(chunk.subarray(0, headBytes - headLength));
        head.push(part);
        headLength += part.length;
      }
      done(null, chunk);
    },
  });
  return { stream, result: () => ({ sha256: hash.digest('hex'), bytes, head: Buffer.concat(head) }) };
}

/**
 * Reads a multipart/form-data upload whose parts are all named `file`, streaming each
 * to a temporary file while hashing it: never more than a chunk of it in memory. A file
 * over `maxFileBytes` is refused 413; the rest of the body is read and dropped (up to
 * what the request declared, bounded) so that the answer reaches the browser. On any
 * refusal every temporary file of the request is removed before the error is thrown.
 */
export async function receiveFiles(req: IncomingMessage, blobs: BlobStore, limits: UploadLimits): Promise<ReceivedFile[]> {
  if (!/^multipart\/form-data\b/i.test(req.headers['content-type'] ?? '')) {
    throw new Refusal(ErrorCode.unsupportedMediaType, 'Send the files as multipart/form-data, each in a part named "file".');
  }
  const bodyLimit = limits.maxFiles * (limits.maxFileBytes + framingPerFile);
  if (Number(req.headers['content-length'] ?? 0) > bodyLimit) throw tooLarge(limits.maxFileBytes);
  // Past the sender's room nothing could be kept: such an upload is not read (declared) or read no further (sent).
  const { room } = limits;
  const overRoom = (bodyBytes: number) => (room && bodyBytes - limits.maxFiles * framingPerFile > room.left ? room.refusal(bodyBytes - limits.maxFiles * framingPerFile) : null);
  const declaredOver = overRoom(Number(req.headers['content-length'] ?? 0));
  if (declaredOver) throw declaredOver;
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: req.headers,
      defParamCharset: 'utf8',
      // busboy says `partsLimit` when the part that reaches the limit ends: one more than
      // the files allowed, so that exactly `maxFiles` files go through.
      limits: { fileSize: limits.maxFileBytes, files: limits.maxFiles, fields: 0, parts: limits.maxFiles + 1, headerPairs: 16 },
    });
  } catch {
    throw badRequest('Send the files as multipart/form-data with its boundary.');
  }

  const slots: (ReceivedFile | null)[] = [];
  const writes: Promise<void>[] = [];
  const temps: string[] = [];
  let problem: Refusal | null = null;
  const refuse = (error: Refusal) => {
    problem ??= error;
  };

  const parsed = new Promise<void>((resolve, reject) => {
    parser.on('file', (field, stream, info) => {
      if (field !== 'file') refuse(badRequest(`${field.slice(0, 40)}: unknown part (send each file in a part named "file").`));
      if (problem) {
        stream.resume();
        return;
      }
      const slot = slots.push(null) - 1;
      const temp = blobs.temp.path();
      temps.push(temp);
      const measure = meter();
      stream.on('limit', () => refuse(tooLarge(limits.maxFileBytes)));
      writes.push(
        pipeline(stream, measure.stream, createWriteStream(temp, { flags: 'wx', mode: 0o600 })).then(
          () => {
            const got = measure.result();
            // An empty file input sends a part with no name and no bytes: no file.
            if (got.bytes > 0 || info.filename) slots[slot] = { name: cleanFileName(info.filename ?? ''), temp, ...got };
          },
          () => refuse(badRequest('The upload was interrupted.')),
        ),
      );
    });
    parser.on('field', (name) => refuse(badRequest(`${name.slice(0, 40)}: this upload takes files only.`)));
    parser.on('fieldsLimit', () => refuse(badRequest('This upload takes files only.')));
    const tooMany = () => refuse(badRequest(limits.maxFiles === 1 ? 'One file at a time here.' : `At most ${limits.maxFiles} files at once.`));
    parser.on('filesLimit', tooMany);
    parser.on('partsLimit', tooMany);
    parser.on('error', () => reject(badRequest('The form data is malformed.')));
    parser.on('close', () => resolve());
    // Cut an upload that stops sending: its socket goes, so it holds no slot, file or memory.
    const stalled = setTimeout(() => {
      parser.destroy(new Error('stalled'));
      req.destroy();
      reject(badRequest('The upload stopped sending: it was cut and nothing of it was kept.'));
    }, limits.stallMs);
    req.once('close', () => clearTimeout(stalled));
    parser.once('close', () => clearTimeout(stalled));
    let received = 0;
    req.on('data', (chunk: Buffer) => {
      stalled.refresh();
      received += chunk.length;
      if (received > bodyLimit) {
        req.unpipe(parser);
        parser.destroy(new Error('too large'));
        reject(tooLarge(limits.maxFileBytes));
        return;
      }
      const over = overRoom(received);
      if (over) {
        req.unpipe(parser);
        parser.destroy(new Error('over the storage left'));
        reject(over);
      }
    });
    req.on('close', () => {
      if (req.complete) return;
      parser.destroy(new Error('interrupted'));
      reject(badRequest('The upload was interrupted.'));
    });
  });
  req.pipe(parser);
  try {
    await parsed;
    await Promise.all(writes);
    if (problem) throw problem;
    return slots.filter((s): s is ReceivedFile => s !== null);
  } catch (err) {
    await Promise.allSettled(writes);
    await Promise.all(temps.map((t) => blobs.discard(t)));
    throw err;
  }
}
