import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api} from '../../support/api.ts';
import { setUpOrganisation } from '../../support/api.ts';
import { jpegDeclaring, jpegWithUnknownSegments, pngDeclaring, unknownSegmentSecrets, webpDeclaring } from '../../support/giant-images.ts';
import { plainJpeg } from '../../support/images.ts';
import { storedPhotos } from '../../support/photos.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { queryStore } from '../../support/store.ts';
import { getBytes, postIdeaForm } from '../ideas/support.ts';

/**
 * Issue 11, finding 14 on the real relay: a broken percent-encoding is the client's
 * fault (400, never 500) wherever it lands; a photo declaring a picture too big to
 * decode is refused from its header alone; a JPEG keeps only the segments a decoder needs.
 */
describe('paths and photos', () => {
  let relay: RelayProcess;
  let webRoot: string;
  let admin: Api;
  let boxId: string;

  beforeAll(async () => {
    webRoot = await mkdtemp(path.join(tmpdir(), 'conclave-web-'));
    await writeFile(path.join(webRoot, 'index.html'), '<!doctype html><title>Conclave</title>');
    relay = await startRelayProcess({ env: { CONCLAVE_WEB_ROOT: webRoot } });
    admin = await setUpOrganisation(relay.url);
    ({ id: boxId } = await admin.ok<{ id: string }>('POST', '/api/activities', {
      kind: 'ideas',
      title: 'Ideas with photos',
      question: 'What would you change in our stores?',
      categories: ['Shopping'],
    }));
  });

  afterAll(async () => {
    await relay?.stop();
    if (relay) await removeDataDir(relay.dataDir);
    if (webRoot) await rm(webRoot, { recursive: true, force: true });
  });

  it('a broken percent-encoding answers 400 with a clear error, on static files and the API alike', async () => {
    for (const bad of ['/%E0%A4%A', '/assets/%E0%A4%A.js', '/%', '/api/%E0%A4%A', '/api/activities/%E0%A4%A']) {
      const res = await fetch(relay.url + bad, { headers: { authorization: `Bearer ${admin.token}` } });
      const body = (await res.json()) as { error?: { code: string; message: string } };
      expect([bad, res.status]).toEqual([bad, bad.startsWith('/api/%') ? 404 : 400]);
      expect(body.error?.message).toBeTruthy();
    }
    expect(relay.output()).not.toContain('request failed');
    // The client's pages are still served.
    expect((await fetch(`${relay.url}/activities/x`)).status).toBe(200);
  });

  const ideas = async () => (await queryStore<{ n: number }>(relay.dataDir, 'SELECT COUNT(*) AS n FROM ideas'))[0]!.n;
  const photos = async () => (await storedPhotos(relay.dataDir)).length;

  it('a photo declaring more than 12,000 px a side or 40 megapixels is refused from its header, and nothing is stored', async () => {
    const before = { ideas: await ideas(), photos: await photos() };
    const giants: [string, Buffer][] = [
      ['PNG 30000×30000', pngDeclaring(30_000, 30_000)],
      ['PNG 12001×10', pngDeclaring(12_001, 10)],
      ['PNG 8000×6000 (48 MP)', pngDeclaring(8000, 6000)],
      ['JPEG 30000×30000', jpegDeclaring(30_000, 30_000)],
      ['JPEG 65535×1', jpegDeclaring(65_535, 1)],
      ['WebP 30000×30000', webpDeclaring(30_000, 30_000)],
    ];
    for (const [label, bytes] of giants) {
      const posted = await postIdeaForm(admin, boxId, { title: label, text: 'A big picture.', category: 'Shopping' }, { bytes, name: 'big.img', type: 'image/png' });
      expect([label, posted.status, posted.body.error?.code]).toEqual([label, 400, 'validation_failed']);
      expect(posted.body.error?.message).toMatch(/12,000|40 megapixels/);
    }
    expect({ ideas: await ideas(), photos: await photos() }).toEqual(before);
    // At the limits, photos are taken.
    for (const [label, bytes] of [['PNG 12000×3000', pngDeclaring(12_000, 3000)], ['JPEG 4×3', plainJpeg]] as const) {
      const posted = await postIdeaForm(admin, boxId, { title: label, text: 'A picture.', category: 'Shopping' }, { bytes, name: 'ok.img', type: 'image/png' });
      expect([label, posted.status]).toEqual([label, 201]);
    }
  });

  it('a JPEG keeps only what a decoder needs: unknown segments are dropped, not copied', async () => {
    const posted = await postIdeaForm(admin, boxId, { title: 'Odd segments', text: 'A photo with extras.', category: 'Shopping' }, { bytes: jpegWithUnknownSegments(), name: 'odd.jpg', type: 'image/jpeg' });
    expect(posted.status).toBe(201);
    const served = await getBytes(admin, `/api/ideas/${posted.body.id}/photo`);
    expect(served.status).toBe(200);
    for (const secret of unknownSegmentSecrets) expect(served.bytes.toString('latin1')).not.toContain(secret);
    // What is left is the plain picture, byte for byte.
    expect(served.bytes.equals(plainJpeg)).toBe(true);
  });
});
