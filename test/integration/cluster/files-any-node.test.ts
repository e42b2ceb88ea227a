import { createHash, randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, addPerson, setUpOrganisation } from '../../support/api.ts';
import { startCluster, type RelayCluster } from '../../support/cluster.ts';
import type { RelayProcess } from '../../support/relay.ts';
import { docx } from '../../support/office-fixture.ts';
import { startPostgres, type PostgresCluster } from '../../support/postgres.ts';
import { startRedis, type RedisProcess } from '../../support/redis.ts';
import { jpegWithMetadata } from '../../support/images.ts';
import { publishedBox } from '../campaigns/support.ts';
import { download, filesOnDisk, upload } from '../files/support.ts';
import { preview, thumbnail } from '../files/derived.ts';
import { getBytes, postIdeaForm } from '../ideas/support.ts';

/**
 * CLUSTER.md N10: relay nodes on PostgreSQL keep attached files' bytes in PostgreSQL, so
 * each node may run on a machine and a data folder of its own, holding nothing but
 * temporary files. Two nodes, each with its own data folder, one PostgreSQL, one Redis;
 * a stand-in `soffice` on their PATH writes a small PDF.
 */
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
/** Files under a node's files folder that are not temporary: contents or what was made from them. */
const stored = async (dataDir: string) => (await filesOnDisk(dataDir)).filter((f) => !f.startsWith('tmp/'));
/** Files under a node's photos folder (idea photos and their public thumbnails). */
const photosOnDisk = async (dataDir: string) => (await readdir(path.join(dataDir, 'photos'), { recursive: true }).catch(() => [] as string[])).filter((f) => f !== 'thumbs');

let postgres: PostgresCluster;
let redis: RedisProcess;
let cluster: RelayCluster;
let soffice: string;
let admin: Api;
let bobOnA: Api;
let bobOnB: Api;
let activity: string;

beforeAll(async () => {
  soffice = await mkdtemp(path.join(tmpdir(), 'nodes-soffice-'));
  // Each run writes bytes of its own and leaves a line in runs.log: a PDF made twice shows.
  const writer = `while [ $# -gt 1 ]; do [ "$1" = "--outdir" ] && out="$2"; shift; done\necho run >> "${path.join(soffice, 'runs.log')}"\nprintf '%%PDF-1.4\\n%% preview %s\\n%%%%EOF\\n' "$$-$(date +%s%N)" > "$out/document.pdf"\nexit 0`;
  await writeFile(path.join(soffice, 'soffice'), `#!/bin/sh\n${writer}\n`);
  await chmod(path.join(soffice, 'soffice'), 0o755);
  [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  cluster = await startCluster({
    nodes: 2,
    ownDataDirs: true,
    env: { CONCLAVE_DATABASE_URL: await postgres.createDatabase(), CONCLAVE_REDIS_URL: redis.url, PATH: `${soffice}:${process.env.PATH}` },
  });
  admin = await setUpOrganisation(cluster.url(0));
  const bob = await addPerson(admin, 'Bob Martin');
  ({ id: activity } = await admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Showroom', question: 'Which layout?' }));
  await admin.ok('POST', `/api/activities/${activity}/members`, { userId: bob.id, role: 'contributor' });
  bobOnA = new Api(cluster.url(0), bob.api.token);
  bobOnB = new Api(cluster.url(1), bob.api.token);
}, 180_000);

afterAll(async () => {
  await cluster?.stop();
  await redis?.stop();
  await postgres?.stop();
  if (soffice) await rm(soffice, { recursive: true, force: true });
}, 60_000);

describe('attached files on relay nodes with data folders of their own (CLUSTER.md N10)', () => {
  it('a file uploaded through node A is downloaded, thumbnailed, previewed and removed through node B; neither node keeps its bytes', async () => {
    expect(cluster.nodes[0]!.dataDir).not.toBe(cluster.nodes[1]!.dataDir);
    const photo = await sharp(randomBytes(900 * 600 * 3), { raw: { width: 900, height: 600, channels: 3 } }).png().toBuffer();
    const offer = docx('Offre du fournisseur');
    const sent = await upload(bobOnA, activity, [
      { bytes: photo, name: 'vitrine.png' },
      { bytes: offer, name: 'offre.docx' },
    ]);
    expect(sent.status).toBe(201);
    const [photoId, offerId] = sent.body.files!.map((f) => f.id) as [string, string];

    const got = await download(bobOnB, photoId);
    expect(got.status).toBe(200);
    expect(sha(got.bytes)).toBe(sha(photo));
    expect(got.bytes.equals(photo)).toBe(true);

    const small = await thumbnail(bobOnB, photoId);
    expect(small.status).toBe(200);
    const meta = await sharp(small.bytes).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 320, 213]);

    const pdf = await preview(bobOnB, offerId);
    expect(pdf.status).toBe(200);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // Asked through A now, it is the one B made: nothing made twice.
    expect((await preview(bobOnA, offerId)).bytes.equals(pdf.bytes)).toBe(true);
    expect((await readFile(path.join(soffice, 'runs.log'), 'utf8')).trim().split('\n')).toHaveLength(1);

    expect((await bobOnB.call('DELETE', `/api/files/${photoId}`)).status).toBe(204);
    expect((await download(bobOnA, photoId)).status).toBe(404);
    expect((await thumbnail(bobOnA, photoId)).status).toBe(404);
    expect((await download(bobOnA, offerId)).bytes.equals(offer)).toBe(true);

    for (const node of cluster.nodes) expect(await stored(node.dataDir)).toEqual([]);
  }, 120_000);

  it('an idea photo sent through node A is shown through node B, to members and on the public page with its thumbnail; neither node keeps it', async () => {
    const [a, b] = cluster.nodes as [RelayProcess, RelayProcess];
    const box = await publishedBox(admin, 'si-j-etais-durand');
    const posted = await postIdeaForm(bobOnA, box, { title: 'Un coin goûter', text: 'Les enfants dessinent.', category: 'Enfants' }, { bytes: jpegWithMetadata(), name: 'IMG_2041.jpg', type: 'image/jpeg' });
    expect(posted.status, JSON.stringify(posted.body)).toBe(201);
    const onA = await getBytes(bobOnA, `/api/ideas/${posted.body.id}/photo`);
    expect(onA.status).toBe(200);
    const onB = await getBytes(bobOnB, `/api/ideas/${posted.body.id}/photo`);
    expect(onB.status).toBe(200);
    expect(onB.bytes.equals(onA.bytes)).toBe(true);
    const publicPhoto = await fetch(`${b.url}/api/public/idea-boxes/si-j-etais-durand/ideas/${posted.body.id}/photo`);
    expect(Buffer.from(await publicPhoto.arrayBuffer()).equals(onA.bytes)).toBe(true);
    const small = await fetch(`${b.url}/api/public/idea-boxes/si-j-etais-durand/ideas/${posted.body.id}/thumbnail`);
    expect([small.status, small.headers.get('content-type')]).toEqual([200, 'image/webp']);
    const again = await fetch(`${a.url}/api/public/idea-boxes/si-j-etais-durand/ideas/${posted.body.id}/thumbnail`);
    expect([again.status, again.headers.get('content-type')]).toEqual([200, 'image/webp']);
    for (const node of cluster.nodes) expect(await photosOnDisk(node.dataDir)).toEqual([]);
  }, 120_000);

  it('a node killed just after answering an upload loses nothing: the other node serves every byte', async () => {
    // Several chunks and a ragged end.
    const plan = randomBytes(5 * 1024 * 1024 + 123);
    const sent = await upload(bobOnA, activity, [{ bytes: plan, name: 'plan.bin' }]);
    expect(sent.status).toBe(201);
    await cluster.nodes[0]!.kill9();
    const got = await download(bobOnB, sent.body.id!);
    expect(got.status).toBe(200);
    expect(got.bytes.length).toBe(plan.length);
    expect(sha(got.bytes)).toBe(sha(plan));
  }, 120_000);
});
