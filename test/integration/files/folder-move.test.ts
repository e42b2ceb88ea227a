import { createHash, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { FolderBlobs } from '../../../server/files/folder-blobs.ts';
import { moveFolder } from '../../../server/files/folder-move.ts';

/**
 * CONCLAVE_FILES_DIR's move at start (server/files/folder-move.ts) onto another filesystem
 * (the machine's /dev/shm, a tmpfs, against the temporary folder's disk): each file copied,
 * checked and renamed into place, then removed from the data folder; a start cut after
 * placing a file goes on at the next; the folders of the data folder emptied.
 */
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const silent = pino({ level: 'silent' });
const made: string[] = [];

afterEach(async () => {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('moving the data folder’s files into CONCLAVE_FILES_DIR on another filesystem', () => {
  it('copies, checks and places each file, removes it from the data folder, and a start cut half-way goes on', async () => {
    const from = await mkdtemp(path.join(tmpdir(), 'pgfiles-move-from-'));
    const to = await mkdtemp(path.join('/dev/shm', 'pgfiles-move-to-'));
    made.push(from, to);
    expect((await stat(from)).dev).not.toBe((await stat(to)).dev);

    const contents = [randomBytes(3 * 1024 * 1024 + 1), randomBytes(10), Buffer.alloc(0)];
    const thumb = randomBytes(2000);
    const old = new FolderBlobs(from);
    for (const bytes of contents) {
      await mkdir(path.dirname(old.pathOf(sha(bytes))), { recursive: true });
      await writeFile(old.pathOf(sha(bytes)), bytes);
    }
    await mkdir(path.dirname(old.pathOf(sha(contents[0]!), 'thumb.webp')), { recursive: true });
    await writeFile(old.pathOf(sha(contents[0]!), 'thumb.webp'), thumb);
    // A start cut after placing the second content, before removing it from the data folder.
    const blobs = new FolderBlobs(to);
    await blobs.temp.start();
    await mkdir(path.dirname(blobs.pathOf(sha(contents[1]!))), { recursive: true });
    await writeFile(blobs.pathOf(sha(contents[1]!)), contents[1]!);

    const moved = await moveFolder(from, blobs, silent);
    expect(moved).toEqual({ files: 4, bytes: contents.reduce((n, b) => n + b.length, 0) + thumb.length });
    for (const bytes of contents) expect((await readFile(blobs.pathOf(sha(bytes)))).equals(bytes)).toBe(true);
    expect((await readFile(blobs.pathOf(sha(contents[0]!), 'thumb.webp'))).equals(thumb)).toBe(true);
    expect(await readdir(from)).toEqual([]);
    expect(await readdir(blobs.temp.dir)).toEqual([]);
    // Again: nothing to move, nothing changed.
    expect(await moveFolder(from, blobs, silent)).toEqual({ files: 0, bytes: 0 });
  });
});
