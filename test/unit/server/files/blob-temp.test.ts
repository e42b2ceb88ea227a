import { mkdtemp, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BlobStore, staleTempMs } from '../../../../server/files/blobs.ts';

/** Several relay nodes on one data folder (CLUSTER.md N10): each uploads into a temporary folder of its own. */
describe('temporary upload folders of several relays on one files folder', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('relays starting at once on one folder all start, and none removes an upload another is writing', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'conclave-blobs-'));
    dirs.push(dir);
    const first = new BlobStore(dir);
    await first.start();
    const inFlight = first.tempPath();
    await writeFile(inFlight, 'half an upload');
    // Three more start together (a cluster starting): no EEXIST, and the first's upload stays.
    const others = [new BlobStore(dir), new BlobStore(dir), new BlobStore(dir)];
    await Promise.all(others.map((store) => store.start()));
    expect((await stat(inFlight)).isFile()).toBe(true);
    expect(new Set([first, ...others].map((store) => store.tmpDir)).size).toBe(4);
  });

  it('what a stopped relay left, unwritten for an hour, is removed by the next to start', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'conclave-blobs-'));
    dirs.push(dir);
    const stopped = new BlobStore(dir);
    await stopped.start();
    const left = stopped.tempPath();
    await writeFile(left, 'cut off by a crash');
    const past = new Date(Date.now() - staleTempMs - 60_000);
    await utimes(left, past, past);
    await utimes(stopped.tmpDir, past, past);
    const next = new BlobStore(dir);
    await next.start();
    expect(await readdir(path.join(dir, 'tmp'))).toEqual([path.basename(next.tmpDir)]);
  });
});
