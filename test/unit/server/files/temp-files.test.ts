import { mkdtemp, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TempFiles, staleTempMs } from '../../../../server/files/temp-files.ts';

/** Several relay nodes on one data folder (CLUSTER.md N10): each uploads into a temporary folder of its own. */
describe('temporary upload folders of several relays on one files folder', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it('relays starting at once on one folder all start, and none removes an upload another is writing', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'conclave-blobs-'));
    dirs.push(dir);
    const first = new TempFiles(dir);
    await first.start();
    const inFlight = first.path();
    await writeFile(inFlight, 'half an upload');
    // Three more start together (a cluster starting): no EEXIST, and the first's upload stays.
    const others = [new TempFiles(dir), new TempFiles(dir), new TempFiles(dir)];
    await Promise.all(others.map((store) => store.start()));
    expect((await stat(inFlight)).isFile()).toBe(true);
    expect(new Set([first, ...others].map((store) => store.dir)).size).toBe(4);
  });

  it('what a stopped relay left, unwritten for an hour, is removed by the next to start', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'conclave-blobs-'));
    dirs.push(dir);
    const stopped = new TempFiles(dir);
    await stopped.start();
    const left = stopped.path();
    await writeFile(left, 'cut off by a crash');
    const past = new Date(Date.now() - staleTempMs - 60_000);
    await utimes(left, past, past);
    await utimes(stopped.dir, past, past);
    const next = new TempFiles(dir);
    await next.start();
    expect(await readdir(path.join(dir, 'tmp'))).toEqual([path.basename(next.dir)]);
  });
});
