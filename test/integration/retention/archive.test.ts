import { unzipSync, strFromU8 } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addComment, editComment, readComments } from '#core/doc/comments';
import { addSwotItem } from '#core/doc/swot';
import { addPerson, setUpOrganisation, type Api } from '../../support/api.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { dialect } from '../../../server/store/dialect.ts';
import { engineOf, queryStore } from '../../support/store-reader.ts';
import { upload } from '../files/support.ts';
import { connectClient, synced, waitFor } from '../../support/sync-client.ts';

async function until(done: () => Promise<boolean>) {
  for (let i = 0; i < 400 && !(await done()); i++) await new Promise((r) => setTimeout(r, 25));
}

/**
 * The whole activity in one archive before retention removes it (issue 15):
 * `GET /api/activities/:id/archive.zip` on a real relay, unzipped here with fflate.
 */
describe('GET /api/activities/:id/archive.zip', () => {
  let relay: RelayProcess;
  let admin: Api;

  beforeAll(async () => {
    relay = await startRelayProcess();
    admin = await setUpOrganisation(relay.url);
  }, 60_000);
  afterAll(async () => {
    await relay?.stop();
    if (relay) await removeDataDir(relay.dataDir);
  });

  const download = async (api: Api, id: string) => {
    const res = await fetch(`${relay.url}/api/activities/${id}/archive.zip`, { headers: { authorization: `Bearer ${api.token}` } });
    return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), bytes: new Uint8Array(await res.arrayBuffer()) };
  };

  it('holds the decision (PDF and Markdown), each board as CSV and every comment version, for members only', async () => {
    const carol = await addPerson(admin, 'Carol Roux');
    const stranger = await addPerson(admin, 'Dan Petit');
    const id = (await admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Lyon office', question: 'Where do we move?' })).id;
    await admin.ok('POST', `/api/activities/${id}/members`, { userId: carol.id, role: 'viewer' });
    const me = (await admin.ok<{ id: string }>('GET', '/api/me')).id;
    const client = await connectClient(admin, id);
    await synced(client);
    addSwotItem(client.doc, { id: 'item-lyon-1', quadrant: 'strengths', text: 'Larger warehouse, "dock" included', author: { id: me, name: 'Alice Durand' }, at: new Date() });
    addComment(client.doc, { id: 'comment-lyon-1', author: { id: me, name: 'Alice Durand' }, at: new Date(), body: '{"root":{}}', text: 'First thought', mentions: [] });
    editComment(client.doc, 'comment-lyon-1', me, { body: '{"root":{"x":1}}', text: 'Second thought', mentions: [] }, new Date());
    await waitFor(() => readComments(client.doc)[0]?.versions.length === 2);
    // The relay has committed what the client sent once its log holds the comment's second version.
    await until(async () => (await queryStore<{ n: number }>(relay.dataDir, `SELECT COUNT(*) AS n FROM doc_updates WHERE activity_id = ? AND ${dialect.contains(engineOf(relay.dataDir), 'data')}`, [id, Buffer.from('Second thought')]))[0]!.n > 0);
    client.destroy();
    expect((await upload(admin, id, [{ name: 'plan.txt', bytes: Buffer.from('Floor plan of Lyon'), type: 'text/plain' }])).status).toBe(201);
    await admin.ok('POST', `/api/activities/${id}/decision`, { outcome: 'We move to Lyon.', rationale: 'The warehouse.' });

    const got = await download(carol.api, id);
    expect(got.status).toBe(200);
    expect(got.type).toBe('application/zip');
    expect(got.disposition).toContain('.zip');
    const files = unzipSync(got.bytes);
    const names = Object.keys(files).sort();
    expect(names).toEqual(expect.arrayContaining(['decision.md', 'decision.pdf', 'comments.csv', 'README.txt']));
    expect(strFromU8(files['decision.pdf']!.slice(0, 5))).toBe('%PDF-');
    expect(strFromU8(files['decision.md']!)).toContain('We move to Lyon.');
    const board = names.find((n) => n.startsWith('boards/') && n.endsWith('.csv'))!;
    expect(strFromU8(files[board]!)).toContain('"Larger warehouse, ""dock"" included"');
    const attached = names.find((n) => n.startsWith('files/') && n.endsWith('plan.txt'))!;
    expect(strFromU8(files[attached]!)).toBe('Floor plan of Lyon');
    const comments = strFromU8(files['comments.csv']!);
    expect(comments).toContain('First thought');
    expect(comments).toContain('Second thought');

    expect((await download(stranger.api, id)).status).toBe(404);
    expect((await fetch(`${relay.url}/api/activities/${id}/archive.zip`)).status).toBe(401);
  }, 60_000);
});
