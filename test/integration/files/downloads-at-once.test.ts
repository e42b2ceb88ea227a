import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, addPerson, password, setUpOrganisation } from '../../support/api.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { download, upload } from './support.ts';

/**
 * Downloads under way at once (files, previews, an activity's archive) are capped per person
 * and per organisation (README, "Files in activities"): each holds the store's connections a slice at a time (on PostgreSQL ~1,700
 * queries per 100 MiB), so one member's many parallel downloads would starve everyone's
 * database work. Past a cap: 429 with a clear error and Retry-After; a download ended gives
 * its place back. The caps here are 2 a person and 3 an organisation.
 */
let relay: RelayProcess;
let bob: Api;
let fiona: Api;
let rita: Api;
let activity: string;
let theirs: string;
let file: string;
let rivalFile: string;
// Larger than what the loopback's socket buffers and the client take in while nobody reads: a download not read stays under way.
const bytes = randomBytes(40 * 1024 * 1024);

/** A download whose answer has come and whose body nobody reads yet (it stays under way); `cancel` ends it. */
async function held(api: Api, id: string) {
  const controller = new AbortController();
  const res = await fetch(`${api.base}/api/files/${id}`, { headers: { authorization: `Bearer ${api.token}` }, signal: controller.signal });
  return { status: res.status, res, cancel: () => controller.abort() };
}

beforeAll(async () => {
  relay = await startRelayProcess({
    env: { CONCLAVE_SIGNUP: 'open', CONCLAVE_DEFAULT_PLAN: 'pro', CONCLAVE_FILE_MAX_BYTES: String(60 * 1024 * 1024), CONCLAVE_DOWNLOADS_PER_PERSON: '2', CONCLAVE_DOWNLOADS_PER_ORGANIZATION: '3' },
  });
  const admin = await setUpOrganisation(relay.url);
  fiona = (await addPerson(admin, 'Fiona Facilitatrice')).api;
  const b = await addPerson(admin, 'Bob Martin');
  bob = b.api;
  ({ id: activity } = await fiona.ok<{ id: string }>('POST', '/api/activities', { title: 'Supplier', question: 'Which supplier?' }));
  await fiona.ok('POST', `/api/activities/${activity}/members`, { userId: b.id, role: 'contributor' });
  const up = await upload(fiona, activity, [{ bytes, name: 'plan.bin' }]);
  expect(up.status).toBe(201);
  file = (up.body as { id: string }).id;
  const { token } = await new Api(relay.url).ok<{ token: string }>('POST', '/api/organizations', { organization: 'Rival Company', name: 'Rita Rival', email: 'rita@rival.example', password });
  rita = admin.as(token);
  ({ id: theirs } = await rita.ok<{ id: string }>('POST', '/api/activities', { title: 'Tender', question: 'Which offer?' }));
  const theirUpload = await upload(rita, theirs, [{ bytes: randomBytes(40 * 1024 * 1024), name: 'offre.bin' }]);
  expect(theirUpload.status).toBe(201);
  rivalFile = (theirUpload.body as { id: string }).id;
}, 120_000);

afterAll(async () => {
  await relay?.stop();
  if (relay) await removeDataDir(relay.dataDir);
});

describe('downloads at once', () => {
  it('a person past their downloads under way, then their organisation past its own, is answered 429 with Retry-After; others are not; an ended download gives its place back', async () => {
    const first = await held(bob, file);
    const second = await held(bob, file);
    expect([first.status, second.status]).toEqual([200, 200]);

    const third = await held(bob, file);
    expect(third.status).toBe(429);
    expect(third.res.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(((await third.res.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/downloading 2 files/) });

    // Another member: their own share, up to the organisation's 3.
    const fionas = await held(fiona, file);
    expect(fionas.status).toBe(200);
    const fionasSecond = await held(fiona, file);
    expect(fionasSecond.status).toBe(429);
    expect(((await fionasSecond.res.json()) as { error: { message: string } }).error.message).toMatch(/organisation/);
    // The activity's archive reads its files too: it takes a place like a download.
    const archive = await fetch(`${fiona.base}/api/activities/${activity}/archive.zip`, { headers: { authorization: `Bearer ${fiona.token}` } });
    expect(archive.status).toBe(429);
    expect(archive.headers.get('retry-after')).toMatch(/^\d+$/);

    // Another organisation is not held back.
    const ritas = await held(rita, rivalFile);
    expect(ritas.status).toBe(200);

    // An ended download (read to the end, or cut) gives its place back.
    expect(Buffer.from(await first.res.arrayBuffer()).equals(bytes)).toBe(true);
    second.cancel();
    fionas.cancel();
    ritas.cancel();
    let again = await download(bob, file);
    for (let i = 0; again.status === 429 && i < 50; i++) again = await download(bob, file);
    expect(again.status).toBe(200);
    expect(again.bytes.equals(bytes)).toBe(true);
    const zip = await fetch(`${fiona.base}/api/activities/${activity}/archive.zip`, { headers: { authorization: `Bearer ${fiona.token}` } });
    expect(zip.status).toBe(200);
    expect((await zip.arrayBuffer()).byteLength).toBeGreaterThan(bytes.length);

    // Archives cut by their reader give their places back too (Fiona's two, her whole share).
    for (let i = 0; i < 2; i++) {
      const controller = new AbortController();
      const cut = await fetch(`${fiona.base}/api/activities/${activity}/archive.zip`, { headers: { authorization: `Bearer ${fiona.token}` }, signal: controller.signal });
      expect(cut.status).toBe(200);
      controller.abort();
    }
    let after = await download(fiona, file);
    for (let i = 0; after.status === 429 && i < 50; i++) after = await download(fiona, file);
    expect(after.status).toBe(200);
  });
});
