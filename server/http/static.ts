import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { ErrorCode } from '#core/api/errors';
import { webCsp } from '#core/csp';
import { contentTypeOf } from '#core/web-files';
import { Refusal } from '../errors.ts';
import type { Reply } from './router.ts';

/** Serves the built client; unknown paths get index.html so the client routes them. */
export async function serveStatic(root: string, urlPath: string): Promise<Reply | null> {
  const clean = path.normalize(decodePath(urlPath)).replace(/^(\.\.[/\\])+/, '');
  let file = path.join(root, clean);
  if (!file.startsWith(root)) return null;
  try {
    if (!(await stat(file)).isFile()) file = path.join(root, 'index.html');
  } catch {
    file = path.join(root, 'index.html');
  }
  try {
    const raw = await readFile(file);
    const ext = path.extname(file);
    const immutable = file.includes(`${path.sep}assets${path.sep}`);
    return {
      raw,
      contentType: contentTypeOf(ext),
      headers: {
        'content-security-policy': webCsp,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      },
    };
  } catch {
    return null;
  }
}

/** A broken percent-encoding (`/%E0%A4%A`) is the client's fault: 400, never a 500. */
function decodePath(urlPath: string): string {
  try {
    return decodeURIComponent(urlPath);
  } catch {
    throw new Refusal(ErrorCode.badRequest, `The path "${urlPath.slice(0, 80)}" is not valid percent-encoding.`);
  }
}
