import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, addPerson, password, setUpOrganisation } from '../../support/api.ts';
import { erasureDone } from '../../support/erasure.ts';
import { plainJpeg } from '../../support/images.ts';
import { writeStore } from '../../support/operator.ts';
import { storedPhotos, storedThumbnails } from '../../support/photos.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { queryStore } from '../../support/store.ts';
import { thumbnail } from '../files/derived.ts';
import { download, storedFiles, upload } from '../files/support.ts';
import { postIdeaForm } from '../ideas/support.ts';

/**
 * What a retention removal (issue 15, server/retention/removal.ts) takes of the stored bytes,
 * on either engine (on PostgreSQL they are rows: CLUSTER.md N10): an activity's attached
 * files with their thumbnails, unless another activity holds the same bytes, and its ideas'
 * photos with their public thumbnails; then the free pages are wiped (VACUUM on PostgreSQL).
 * The relay's clock is driven through CONCLAVE_FAKE_CLOCK_FILE.
 */
const day = 86_400_000;
const t0 = Date.parse('2026-01-05T10:00:00Z');
const at = (days: number) => new Date(t0 + days * day).toISOString();
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

async function until<T>(what: string, read: () => Promise<T | null | undefined | false>, ms = 30_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

let relay: RelayProcess;
let clockDir: string;
let clockFile: string;
let admin: Api;

/** Moves the relay's clock; sessions do not live for years, so the administrator signs in again. */
async function setClock(iso: string) {
  await writeFile(clockFile, iso);
  if (relay) admin = admin.as((await new Api(relay.url).ok<{ token: string }>('POST', '/api/session', { email: 'alice@durand.example', password })).token);
}

beforeAll(async () => {
  clockDir = await mkdtemp(path.join(tmpdir(), 'retention-files-clock-'));
  clockFile = path.join(clockDir, 'now');
  await setClock(at(0));
  relay = await startRelayProcess({ env: { NODE_ENV: 'test', CONCLAVE_FAKE_CLOCK_FILE: clockFile, CONCLAVE_RETENTION_TICK_MS: '100' } });
  admin = await setUpOrganisation(relay.url);
  await addPerson(admin, 'Carol Roux');
}, 60_000);

afterAll(async () => {
  await relay?.stop();
  if (relay) await removeDataDir(relay.dataDir);
  await rm(clockDir, { recursive: true, force: true });
});

describe('a retention removal and the stored bytes', () => {
  it('takes the files only that activity held, with their thumbnails, and its ideas’ photos; bytes another activity holds stay', async () => {
    const closing = (await admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Lyon office', question: 'Where do we move?' })).id;
    const staying = (await admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Paris office', question: 'Which floor?' })).id;
    const box = (await admin.ok<{ id: string }>('POST', '/api/activities', { kind: 'ideas', title: 'Ideas', question: 'What would you do in our place?', categories: ['Stores'], publicSlug: 'lyon-ideas' })).id;
    const photo = await sharp(randomBytes(300 * 200 * 3), { raw: { width: 300, height: 200, channels: 3 } }).png().toBuffer();
    const plan = randomBytes(2 * 1024 * 1024 + 5);
    const shared = Buffer.from('Floor plan shared by both offices');
    const sent = await upload(admin, closing, [
      { bytes: photo, name: 'site.png' },
      { bytes: plan, name: 'plan.bin' },
      { bytes: shared, name: 'shared.txt' },
    ]);
    expect(sent.status).toBe(201);
    expect((await thumbnail(admin, sent.body.files![0]!.id)).status).toBe(200);
    const kept = await upload(admin, staying, [{ bytes: shared, name: 'shared.txt' }]);
    expect(kept.status).toBe(201);
    const idea = await postIdeaForm(admin, box, { title: 'A kids corner', text: 'Children draw.', category: 'Stores' }, { bytes: plainJpeg, name: 'IMG.jpg', type: 'image/jpeg' });
    expect(idea.status).toBe(201);
    expect(await storedPhotos(relay.dataDir)).toHaveLength(1);
    // The public page's thumbnail of the photo, made and kept: the removal must take it too.
    expect((await fetch(`${relay.url}/api/public/idea-boxes/lyon-ideas/ideas/${idea.body.id}/thumbnail`)).status).toBe(200);
    expect(await storedThumbnails(relay.dataDir)).toHaveLength(1);
    const content = (b: Buffer) => `${sha(b).slice(0, 2)}/${sha(b)}`;
    expect(await storedFiles(relay.dataDir)).toEqual(expect.arrayContaining([content(photo), content(plan), content(shared), `derived/${sha(photo).slice(0, 2)}/${sha(photo)}.thumb.webp`]));
    for (const id of [closing, box]) await admin.ok('PATCH', `/api/activities/${id}`, { status: 'archived' });

    // Two years on, down to Basic: warned at once, removed 30 days after.
    await setClock(at(800));
    await until('the retention job', async () => ((await queryStore<{ at: string }>(relay.dataDir, 'SELECT checked_at AS at FROM retention_state'))[0]?.at ?? '') >= at(800));
    await writeStore(relay.dataDir, 'UPDATE organizations SET plan = ?', ['basic']);
    await until('the warnings', async () => (await queryStore<{ n: number }>(relay.dataDir, "SELECT COUNT(*) AS n FROM activity_notices WHERE kind = 'retention'"))[0]!.n > 0);
    await setClock(at(831));
    await until('the removals', async () => {
      const [row] = await queryStore<{ n: number }>(relay.dataDir, 'SELECT (SELECT COUNT(*) FROM retention_removals) + (SELECT COUNT(*) FROM activity_files WHERE activity_id = ?) + (SELECT COUNT(*) FROM ideas WHERE activity_id = ?) AS n', [closing, box]);
      return row!.n === 0;
    });
    await erasureDone(relay.dataDir);

    const left = (await storedFiles(relay.dataDir)).filter((f) => !f.startsWith('tmp/'));
    expect(left).toEqual([content(shared)]);
    expect(await storedPhotos(relay.dataDir)).toEqual([]);
    expect(await storedThumbnails(relay.dataDir)).toEqual([]);
    expect((await download(admin, kept.body.id!)).bytes.equals(shared)).toBe(true);
  }, 120_000);
});
