import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { download, storedFiles, upload, uploadTo } from './support.ts';
import { filesWorld, type FilesWorld } from './world.ts';

/**
 * Versions of a file on a real relay, with real multipart uploads (README "Files in
 * activities"): `POST /api/files/:id/versions` adds the next version of the series; the
 * list shows the latest with the earlier ones under it, each readable; storage counts
 * each content once per person; removing a version follows the rules of any file.
 */
let w: FilesWorld;
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const v1 = Buffer.from('Offre fournisseur, version 1: 12 000 €\n');
const v2 = Buffer.from('Offre fournisseur, version 2: 11 200 €\n');
let first: string;

beforeAll(async () => {
  w = await filesWorld();
  const answer = await upload(w.fiona, w.activity, [{ bytes: v1, name: 'offre.txt' }]);
  expect(answer.status).toBe(201);
  first = answer.body.id!;
}, 60_000);

afterAll(async () => {
  await w?.stop();
});

const versionsOf = async () => (await w.list(w.bob)).body.files.find((f) => f.seriesId === first)!;

describe('a new version', () => {
  it('joins the series: the list shows it as the latest, the first under it, both readable byte for byte', async () => {
    const answer = await uploadTo(w.bob, `/api/files/${first}/versions`, [{ bytes: v2, name: 'offre-v2.txt' }]);
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
    expect(answer.body).toMatchObject({ name: 'offre-v2.txt', size: v2.length, type: 'text/plain' });
    const listed = await versionsOf();
    expect([listed.id, listed.version, listed.name, listed.uploaderName]).toEqual([answer.body.id, 2, 'offre-v2.txt', 'Bob Martin']);
    expect(listed.earlier.map((f) => [f.id, f.version, f.name, f.uploaderName])).toEqual([[first, 1, 'offre.txt', 'Fiona Facilitatrice']]);
    expect((await w.list(w.bob)).body.files.filter((f) => f.seriesId === first)).toHaveLength(1);
    expect((await download(w.vera, listed.id)).bytes.equals(v2)).toBe(true);
    expect((await download(w.vera, first)).bytes.equals(v1)).toBe(true);
  });

  it('a version of an earlier version still goes on top of the series', async () => {
    const v3 = Buffer.from('Offre fournisseur, version 3\n');
    const answer = await uploadTo(w.fiona, `/api/files/${first}/versions`, [{ bytes: v3, name: 'offre-v3.txt' }]);
    expect(answer.status).toBe(201);
    const listed = await versionsOf();
    expect([listed.version, ...listed.earlier.map((f) => f.version)]).toEqual([3, 2, 1]);
  });

  it('takes one file only, in a part named file; nothing is kept from a refused one', async () => {
    const before = { rows: await w.count('SELECT COUNT(*) AS n FROM activity_files'), disk: await storedFiles(w.relay.dataDir) };
    const two = await uploadTo(w.bob, `/api/files/${first}/versions`, [{ bytes: randomBytes(10), name: 'a.bin' }, { bytes: randomBytes(10), name: 'b.bin' }]);
    expect([two.status, two.body.error?.code]).toEqual([400, 'bad_request']);
    const wrongField = await uploadTo(w.bob, `/api/files/${first}/versions`, [{ bytes: randomBytes(10), name: 'a.bin' }], 'document');
    expect(wrongField.status).toBe(400);
    expect([await w.count('SELECT COUNT(*) AS n FROM activity_files'), await storedFiles(w.relay.dataDir)]).toEqual([before.rows, before.disk]);
  });

  it('a viewer cannot add one (403); someone outside the activity is told the file does not exist (404); nothing is kept', async () => {
    const before = { rows: await w.count('SELECT COUNT(*) AS n FROM activity_files'), disk: await storedFiles(w.relay.dataDir) };
    const viewer = await uploadTo(w.vera, `/api/files/${first}/versions`, [{ bytes: randomBytes(10), name: 'v.bin' }]);
    expect([viewer.status, viewer.body.error?.code]).toEqual([403, 'forbidden']);
    const stranger = await uploadTo(w.sam, `/api/files/${first}/versions`, [{ bytes: randomBytes(10), name: 's.bin' }]);
    expect(stranger.status).toBe(404);
    expect(JSON.stringify(stranger.body)).not.toContain('offre');
    const unknown = await uploadTo(w.bob, '/api/files/no-such-file/versions', [{ bytes: randomBytes(10), name: 'x.bin' }]);
    expect(unknown.status).toBe(404);
    expect([await w.count('SELECT COUNT(*) AS n FROM activity_files'), await storedFiles(w.relay.dataDir)]).toEqual([before.rows, before.disk]);
  });
});

describe('storage and removal', () => {
  it('a version with bytes the person already stores costs nothing; new bytes cost their size once', async () => {
    const used = await w.usage(w.bob);
    expect((await uploadTo(w.bob, `/api/files/${first}/versions`, [{ bytes: v2, name: 'offre-v2 again.txt' }])).status).toBe(201);
    expect(await w.usage(w.bob)).toBe(used);
    const fresh = randomBytes(3000);
    expect((await uploadTo(w.bob, `/api/files/${first}/versions`, [{ bytes: fresh, name: 'offre-v5.bin' }])).status).toBe(201);
    expect(await w.usage(w.bob)).toBe(used + fresh.length);
  });

  it('a contributor removes only their own versions; the facilitator any; the one before becomes the latest; shared bytes stay on disk', async () => {
    const listed = await versionsOf();
    const [latest, again, fionas] = [listed, listed.earlier[0]!, listed.earlier.find((f) => f.uploaderName === 'Fiona Facilitatrice' && f.version === 3)!];
    expect(latest.canRemove).toBe(true);
    expect(fionas.canRemove).toBe(false);
    expect((await w.bob.call('DELETE', `/api/files/${fionas.id}`)).status).toBe(403);
    expect((await w.bob.call('DELETE', `/api/files/${latest.id}`)).status).toBe(204);
    const after = await versionsOf();
    expect([after.id, after.version]).toEqual([again.id, 4]);
    // Version 4 and version 2 hold the same bytes: removing one keeps them for the other.
    expect((await w.bob.call('DELETE', `/api/files/${again.id}`)).status).toBe(204);
    expect(await storedFiles(w.relay.dataDir)).toContain(`${sha(v2).slice(0, 2)}/${sha(v2)}`);
    expect((await w.fiona.call('DELETE', `/api/files/${fionas.id}`)).status).toBe(204);
    const left = await versionsOf();
    expect([left.version, ...left.earlier.map((f) => f.version)]).toEqual([2, 1]);
    // The next version numbers on from the highest kept.
    expect((await uploadTo(w.fiona, `/api/files/${left.id}/versions`, [{ bytes: Buffer.from('v3 bis'), name: 'offre.txt' }])).status).toBe(201);
    expect((await versionsOf()).version).toBe(3);
  });
});
