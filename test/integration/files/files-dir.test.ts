import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api } from '../../support/api.ts';
import { startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { engineOf } from '../../support/store-reader.ts';
import { photoAndPlan, thumbnail } from './derived.ts';
import { download, filesOnDisk, upload } from './support.ts';
import { filesWorld, type FilesWorld } from './world.ts';

/**
 * CONCLAVE_FILES_DIR set on a relay whose attached files lie in `<data dir>/files` (where
 * every relay kept them before it was read, whatever it was set to): the relay moves them
 * into that folder at its start and serves every file as before, rather than 404. On
 * PostgreSQL, a relay whose files are in the database refuses to start with it set, naming
 * what to do, rather than serving none of them.
 */
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

let w: FilesWorld;
let elsewhere: string;
let relay: RelayProcess | null = null;

beforeAll(async () => {
  // The layout of a relay from before: its files in <data dir>/files.
  w = await filesWorld({ CONCLAVE_FILES_DIR: '' });
  elsewhere = await mkdtemp(path.join(tmpdir(), 'pgfiles-files-dir-'));
}, 120_000);

afterAll(async () => {
  await relay?.stop();
  await w?.stop();
  if (elsewhere) await rm(elsewhere, { recursive: true, force: true });
}, 60_000);

describe('CONCLAVE_FILES_DIR set where the files lie in the data folder', () => {
  it('moves them into it at start: every file and thumbnail as before, none left in the data folder, and again at the next start is harmless', async () => {
    await w.relay.stop();
    const before = await startRelayProcess({ dataDir: w.relay.dataDir, env: { CONCLAVE_FILES_DIR: path.join(w.relay.dataDir, 'files') } });
    const bob = new Api(before.url, w.bob.token);
    const { photo, plan, photoId, planId, thumb } = await photoAndPlan(bob, w.activity);
    await before.stop();

    for (let start = 0; start < 2; start++) {
      relay = await startRelayProcess({ dataDir: w.relay.dataDir, env: { CONCLAVE_FILES_DIR: elsewhere } });
      const bobNow = new Api(relay.url, w.bob.token);
      const got = await download(bobNow, planId);
      expect(got.status).toBe(200);
      expect(sha(got.bytes)).toBe(sha(plan));
      expect((await download(bobNow, photoId)).bytes.equals(photo)).toBe(true);
      expect((await thumbnail(bobNow, photoId)).bytes.equals(thumb.bytes)).toBe(true);
      expect((await filesOnDisk(w.relay.dataDir)).filter((f) => !f.startsWith('tmp/'))).toEqual([]);
      expect((await readdir(elsewhere)).sort()).toEqual([sha(photo).slice(0, 2), sha(plan).slice(0, 2), 'derived', 'tmp'].sort());
      await relay.stop();
      relay = null;
    }
  }, 120_000);

  // SQLite never keeps files in its database.
  it.runIf(process.env.CONCLAVE_TEST_DATABASE === 'postgres')('on PostgreSQL, a relay whose files are in the database refuses to start with it set, and says what to do', async () => {
    expect(engineOf(w.relay.dataDir)).toBe('postgres');
    // Without it: the files go into the database.
    const inDatabase = await startRelayProcess({ dataDir: w.relay.dataDir, env: { CONCLAVE_FILES_DIR: '' } });
    expect((await upload(new Api(inDatabase.url, w.bob.token), w.activity, [{ bytes: randomBytes(1000), name: 'note.bin' }])).status).toBe(201);
    await inDatabase.stop();
    const outcome = await startRelayProcess({ dataDir: w.relay.dataDir, env: { CONCLAVE_FILES_DIR: elsewhere } }).then(
      async (started) => {
        await started.stop();
        return 'started';
      },
      (err: Error) => err.message,
    );
    expect(outcome).toMatch(/CONCLAVE_FILES_DIR[^\n]*in the database[^\n]*unset it/);
  }, 120_000);
});
