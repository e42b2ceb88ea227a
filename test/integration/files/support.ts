import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Api } from '../../support/api.ts';

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

export async function download(api: Api, fileId: string) {
  const res = await fetch(`${api.base}/api/files/${fileId}`, { headers: { authorization: `Bearer ${api.token}` } });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

/** Every file under the relay's files folder (contents and temporary files), relative to it. */
export async function filesOnDisk(dataDir: string): Promise<string[]> {
  const root = path.join(dataDir, 'files');
  // Walked folder by folder: Node 20's recursive readdir was seen to leave out a file made a moment before.
  const out: string[] = [];
  const walk = async (dir: string, depth: number): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isFile()) out.push(path.relative(root, full));
      else if (e.isDirectory() && depth < 8) await walk(full, depth + 1);
    }
  };
  await walk(root, 0);
  return out.sort();
}

const rssOf = (pid: number) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) * 1024;

/** Watches a process's resident memory (Linux /proc) until stopped: how far it rose above where it was. */
export function watchRss(pid: number) {
  const base = rssOf(pid);
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, rssOf(pid))), 5);
  return {
    stop() {
      clearInterval(timer);
      peak = Math.max(peak, rssOf(pid));
      return { base, peak, growth: peak - base };
    },
  };
}
