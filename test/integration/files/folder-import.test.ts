import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api } from '../../support/api.ts';
import { plainJpeg } from '../../support/images.ts';
import { getBytes, postIdeaForm } from '../ideas/support.ts';
import { startPostgres, type PostgresCluster } from '../../support/postgres.ts';
import { writeStore } from '../../support/operator.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { photoAndPlan, thumbnail } from './derived.ts';
import { download, filesOnDisk, storedFiles } from './support.ts';
import { filesWorld, type FilesWorld } from './world.ts';

/**
 * A relay on PostgreSQL whose files lived in its folder (before they moved into the
 * database, or with CONCLAVE_FILES_DIR) starts without CONCLAVE_FILES_DIR: it moves what
 * the folder holds into the database at its start, and serves every file as before; idea
 * photos likewise.
 */
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

let postgres: PostgresCluster;
let w: FilesWorld;
let again: RelayProcess | null = null;
let database: string;

beforeAll(async () => {
  postgres = await startPostgres();
  database = await postgres.createDatabase();
  w = await filesWorld({ CONCLAVE_DATABASE_URL: database, CONCLAVE_FILES_DIR: '' });
}, 120_000);

afterAll(async () => {
  await again?.stop();
  await w?.relay.stop();
  if (w) await removeDataDir(w.relay.dataDir);
  await postgres?.stop();
}, 60_000);

describe('files kept in a folder before, on a relay now keeping them in PostgreSQL', () => {
  it('are moved into the database at start: every file downloads as it was, its thumbnail too, and the folder keeps no content', async () => {
    await w.relay.stop();
    const folderRelay = await startRelayProcess({ dataDir: w.relay.dataDir, env: { CONCLAVE_DATABASE_URL: database, CONCLAVE_FILES_DIR: path.join(w.relay.dataDir, 'files') } });
    const bob = new Api(folderRelay.url, w.bob.token);
    const { photo, plan, photoId, planId, thumb } = await photoAndPlan(bob, w.activity);
    expect((await filesOnDisk(w.relay.dataDir)).filter((f) => !f.startsWith('tmp/'))).toEqual(
      [`${sha(photo).slice(0, 2)}/${sha(photo)}`, `${sha(plan).slice(0, 2)}/${sha(plan)}`, `derived/${sha(photo).slice(0, 2)}/${sha(photo)}.thumb.webp`].sort(),
    );
    await folderRelay.stop();

    again = await startRelayProcess({ dataDir: w.relay.dataDir, env: { CONCLAVE_DATABASE_URL: database } });
    const bobNow = new Api(again.url, w.bob.token);
    expect(sha((await download(bobNow, planId)).bytes)).toBe(sha(plan));
    expect((await download(bobNow, photoId)).bytes.equals(photo)).toBe(true);
    expect((await thumbnail(bobNow, photoId)).bytes.equals(thumb.bytes)).toBe(true);
    expect((await filesOnDisk(w.relay.dataDir)).filter((f) => !f.startsWith('tmp/'))).toEqual([]);
    expect((await storedFiles(w.relay.dataDir)).filter((f) => !f.startsWith('tmp/'))).toHaveLength(3);
    // Storage counted as before: the thumbnail once.
    expect(await w.count('SELECT derived_bytes AS n FROM file_blobs WHERE sha256 = ?', [sha(photo)])).toBe(thumb.bytes.length);
  }, 120_000);

  it('idea photos kept in the folder (CONCLAVE_FILES_DIR keeps them there too) are moved into the database at start, and served as before', async () => {
    await again!.stop();
    // As before the upgrade: no file in the database yet (a relay with files there refuses CONCLAVE_FILES_DIR: files-dir.test.ts).
    await writeStore(w.relay.dataDir, 'DELETE FROM file_chunks');
    const folderRelay = await startRelayProcess({ dataDir: w.relay.dataDir, env: { CONCLAVE_DATABASE_URL: database, CONCLAVE_FILES_DIR: path.join(w.relay.dataDir, 'files') } });
    const fiona = new Api(folderRelay.url, w.fiona.token);
    const { id: box } = await fiona.ok<{ id: string }>('POST', '/api/activities', { kind: 'ideas', title: 'Ideas', question: 'What would you do in our place?', categories: ['Stores'] });
    const posted = await postIdeaForm(new Api(folderRelay.url, w.bob.token), box, { title: 'A kids corner', text: 'Children draw.', category: 'Stores' }, { bytes: plainJpeg, name: 'IMG.jpg', type: 'image/jpeg' });
    expect(posted.status).toBe(201);
    const shown = await getBytes(new Api(folderRelay.url, w.bob.token), `/api/ideas/${posted.body.id}/photo`);
    expect(shown.status).toBe(200);
    expect(await readdir(path.join(w.relay.dataDir, 'photos'))).toHaveLength(1);
    await folderRelay.stop();

    again = await startRelayProcess({ dataDir: w.relay.dataDir, env: { CONCLAVE_DATABASE_URL: database } });
    const after = await getBytes(new Api(again.url, w.bob.token), `/api/ideas/${posted.body.id}/photo`);
    expect(after.status).toBe(200);
    expect(after.bytes.equals(shown.bytes)).toBe(true);
    expect(await readdir(path.join(w.relay.dataDir, 'photos'))).toEqual([]);
  }, 120_000);
});
