import { readFileSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Api } from '../../support/api.ts';
import { engineOf, queryStore } from '../../support/store-reader.ts';

export { upload, uploadTo, type Answer, type Upload } from '../../support/uploads.ts';

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

/**
 * Every file the relay of `dataDir` keeps for attached files, named as in its files folder
 * (`ab/<sha-256>`, `derived/ab/<sha-256>.<kind>`, `tmp/…`): on PostgreSQL the contents in
 * `file_chunks` under those names, and their uploads being staged under `tmp/staged/`,
 * beside the temporary files on disk; on SQLite the folder as it is.
 */
export async function storedFiles(dataDir: string): Promise<string[]> {
  const onDisk = await filesOnDisk(dataDir);
  if (engineOf(dataDir) !== 'postgres') return onDisk;
  const rows = await queryStore<{ kind: string; content: string }>(dataDir, 'SELECT DISTINCT kind, content FROM file_chunks');
  const named = rows.map(({ kind, content }) =>
    kind === 'staged' ? `tmp/staged/${content}` : kind === 'original' ? `${content.slice(0, 2)}/${content}` : `derived/${content.slice(0, 2)}/${content}.${kind}`,
  );
  return [...onDisk, ...named].sort();
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
