import type { IncomingMessage } from 'node:http';
import busboy from 'busboy';
import { ErrorCode } from '#core/api/errors';
import { Refusal, badRequest } from '../errors.ts';

/** A submitted form: its text fields and at most one file, `photo`. */
export interface IdeaForm {
  fields: Record<string, string>;
  photo: Buffer | null;
}

const fieldLimit = 16 * 1024;
/** Room for the form's text fields and the multipart framing around the photo. */
const framingAllowance = 64 * 1024;

const tooLarge = (maxPhotoBytes: number) =>
  new Refusal(ErrorCode.payloadTooLarge, `The photo is too large: at most ${Math.floor(maxPhotoBytes / (1024 * 1024))} MB.`);

/**
 * Reads a multipart/form-data body with busboy, refusing more than one file, a file
 * other than `photo`, a field too long or repeated, or a photo above `maxPhotoBytes`
 * — each with a clear 4xx. The whole body is read even when refused (up to the limit),
 * so that the answer reaches the browser.
 */
export async function readIdeaForm(req: IncomingMessage, maxPhotoBytes: number): Promise<IdeaForm> {
  const bodyLimit = maxPhotoBytes + framingAllowance;
  if (Number(req.headers['content-length'] ?? 0) > bodyLimit) throw tooLarge(maxPhotoBytes);
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: req.headers,
      defParamCharset: 'utf8',
      limits: { fileSize: maxPhotoBytes, files: 1, fields: 8, parts: 9, fieldSize: fieldLimit },
    });
  } catch {
    throw badRequest('Send the idea as multipart/form-data with its boundary.');
  }
  const fields: Record<string, string> = {};
  let photo: Buffer | null = null;
  let problem: Refusal | null = null;
  const refuse = (error: Refusal) => {
    problem ??= error;
  };
  let received = 0;

  const done = new Promise<void>((resolve, reject) => {
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) refuse(badRequest(`${name}: this field is too long.`));
      else if (name in fields) refuse(badRequest(`${name}: this field is sent twice.`));
      else fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      if (name !== 'photo') {
        refuse(badRequest(`${name}: unknown file field (send the picture as "photo").`));
        stream.resume();
        return;
      }
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('limit', () => refuse(tooLarge(maxPhotoBytes)));
      stream.on('end', () => {
        const data = Buffer.concat(chunks);
        // An empty file input sends a part with no name and no bytes: no photo.
        if (data.length > 0 || info.filename) photo = data;
      });
    });
    parser.on('filesLimit', () => refuse(badRequest('photo: send one photo at most.')));
    parser.on('fieldsLimit', () => refuse(badRequest('Too many fields in the form.')));
    parser.on('partsLimit', () => refuse(badRequest('Too many parts in the form.')));
    parser.on('error', () => reject(badRequest('The form data is malformed.')));
    parser.on('close', () => resolve());
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > bodyLimit) {
        req.unpipe(parser);
        reject(tooLarge(maxPhotoBytes));
      }
    });
    req.on('error', () => reject(badRequest('The upload was interrupted.')));
  });
  req.pipe(parser);
  await done;
  if (problem) throw problem;
  return { fields, photo };
}
