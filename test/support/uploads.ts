import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import type { Api } from './api.ts';

export interface Upload {
  bytes: Buffer | Uint8Array;
  name: string;
  /** What the browser would claim; the relay does not believe it. */
  type?: string;
}

export interface Answer {
  status: number;
  body: {
    id?: string;
    name?: string;
    size?: number;
    type?: string;
    files?: { id: string; name: string; size: number; type: string }[];
    error?: { code: string; message: string; planLimit?: unknown };
  };
}

/**
 * A real multipart/form-data upload as a browser sends it (each file in a part named
 * `file`, its name in UTF-8), on a connection of its own: a test that builds 50 MB
 * between two requests could otherwise reuse a kept-alive connection the relay is
 * closing at that moment.
 */
export async function upload(api: Api, activityId: string, files: Upload[], field = 'file'): Promise<Answer> {
  return uploadTo(api, `/api/activities/${activityId}/files`, files, field);
}

/** The same upload to any path (a new version: `/api/files/:id/versions`). */
export async function uploadTo(api: Api, path: string, files: Upload[], field = 'file'): Promise<Answer> {
  const boundary = `----ConclaveTest${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const f of files) {
    const name = f.name.replace(/"/g, '%22').replace(/\r|\n/g, ' ');
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${name}"\r\nContent-Type: ${f.type ?? 'application/octet-stream'}\r\n\r\n`));
    parts.push(Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength), Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  const length = parts.reduce((n, p) => n + p.length, 0);
  return new Promise<Answer>((resolve, reject) => {
    const req = request(
      `${api.base}${path}`,
      {
        method: 'POST',
        agent: false,
        headers: { authorization: `Bearer ${api.token}`, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': length },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Answer['body'] }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    for (const p of parts) req.write(p);
    req.end();
  });
}
