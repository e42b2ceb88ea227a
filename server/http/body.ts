import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { ErrorCode } from '#core/api/errors';
import { Refusal } from '../errors.ts';
import { validate } from '../validate.ts';

export const defaultBodyLimit = 256 * 1024;

/** Reads the whole body, refusing more than `limit` bytes without buffering them. */
export async function readBody(req: IncomingMessage, limit = defaultBodyLimit): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw tooLarge(limit);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function tooLarge(limit: number) {
  return new Refusal(ErrorCode.payloadTooLarge, `The request body is larger than ${limit} bytes.`);
}

/** Parses a JSON body and validates it against `schema`; any fault is a clear 4xx. */
export async function readJson<S extends z.ZodType>(
  req: IncomingMessage,
  schema: S,
  limit = defaultBodyLimit,
): Promise<z.infer<S>> {
  const type = req.headers['content-type'] ?? '';
  const raw = await readBody(req, limit);
  if (raw.length === 0) return validate(schema, {});
  if (!/^application\/json\b/i.test(type)) {
    throw new Refusal(ErrorCode.unsupportedMediaType, 'Send the body as application/json.');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new Refusal(ErrorCode.invalidJson, 'The request body is not valid JSON.');
  }
  return validate(schema, parsed);
}

const noFields = z.strictObject({});

/** For endpoints that take no body: none, or `{}`; anything else is refused like any bad body. */
export async function readNoBody(req: IncomingMessage): Promise<void> {
  await readJson(req, noFields);
}
