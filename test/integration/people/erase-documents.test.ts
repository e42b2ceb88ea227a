import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import type { DocumentAt } from '#core/api/history';
import { addComment, readComments } from '#core/doc/comments';
import { addSwotItem, editSwotItem, readSwotItems } from '#core/doc/swot';
import { Api, addPerson, password, setUpOrganisation } from '../../support/api.ts';
import { erasureDone } from '../../support/erasure.ts';
import { bytesFound } from '../../support/file-bytes.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { queryStore } from '../../support/store.ts';
import { connectClient, synced, waitFor, type SyncClient } from '../../support/sync-client.ts';

/**
 * SPEC E1–E4 over a real relay, stock y-websocket clients and the real SQLite file: a
 * person writes board entries and comments, is mentioned, is erased while another member
 * is connected; that member sees "former member" at once, and nowhere in the file (pages,
 * free pages, WAL) are their name, e-mail or phone left, before and after a restart, a
 * kill -9 in the middle included. Past moments still rebuild.
 */
const bob = { name: 'Bob Martin', email: 'bob.martin@durand.example', phone: '+33611223344' };

let relay: RelayProcess | null = null;
let clients: SyncClient[] = [];
afterEach(async () => {
  for (const c of clients) c.destroy();
  clients = [];
  await relay?.stop();
  if (relay) await removeDataDir(relay.dataDir);
  relay = null;
});

async function world(env: Record<string, string>) {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'erase-'));
  relay = await startRelayProcess({ dataDir, env });
  const admin = await setUpOrganisation(relay.url);
  const { id: bobId } = await admin.ok<{ id: string }>('POST', '/api/users', { ...bob, phone: '+33 6 11 22 33 44', password, role: 'member' });
  const bobApi = admin.as((await new Api(relay.url).ok<{ token: string }>('POST', '/api/session', { email: bob.email, password })).token);
  const carol = await addPerson(admin, 'Carol Roux');
  const { id: activityId } = await admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Lyon office', question: 'Where do we move?' });
  for (const who of [bobId, carol.id]) await admin.ok('POST', `/api/activities/${activityId}/members`, { userId: who, role: 'contributor' });
  return { admin, bobId, bobApi, carol, activityId };
}

async function connect(api: Api, activityId: string) {
  const client = await connectClient(api, activityId);
  clients.push(client);
  await synced(client);
  return client;
}

/** Everywhere in the SQLite file and its WAL that Bob's name, e-mail or phone still stands. */
async function traces(dataDir: string) {
  const found: string[] = [];
  for (const needle of [bob.name, bob.email, bob.phone]) for (const where of await bytesFound(dataDir, needle)) found.push(`${needle}: ${where}`);
  return found;
}

const names = (doc: Y.Doc) => ({
  items: readSwotItems(doc).map((i) => i.authorName),
  // Written at the same time by two clients: their order is Yjs's, so sorted here.
  comments: readComments(doc)
    .filter((c) => c.id !== 'carol-comment-0')
    .map((c) => [c.authorName, c.versions.at(-1)!.text, c.removed?.name ?? null])
    .sort((x, y) => String(x[1]).localeCompare(String(y[1]))),
});

describe('erasing a person from the documents (SPEC E1–E4)', () => {
  it('E1–E4: a connected member sees "former member" at once; the file keeps no trace of the name, e-mail or phone, before and after a restart; past moments rebuild', async () => {
    const { admin, bobId, bobApi, carol, activityId } = await world({ CONCLAVE_SNAPSHOT_EVERY: '3', CONCLAVE_CHECKPOINT_EVERY: '4' });
    const b = await connect(bobApi, activityId);
    const c = await connect(carol.api, activityId);
    // A long comment first: every snapshot after it spans overflow pages, which the next one frees.
    const long = 'Lyon has the larger warehouse. '.repeat(600);
    addComment(c.doc, { id: 'carol-comment-0', author: { id: carol.id, name: 'Carol Roux' }, at: new Date(), body: JSON.stringify({ text: long }), text: long.slice(0, 19_000), mentions: [] });
    await waitFor(() => readComments(b.doc).length === 1, 10_000, 'the long comment to reach Bob');
    const asBob = { id: bobId, name: bob.name };
    for (let i = 0; i < 6; i++) {
      addSwotItem(b.doc, { id: `bob-item-${i}`, quadrant: 'strengths', text: `Point ${i}`, author: asBob, at: new Date() });
      await waitFor(() => readSwotItems(c.doc).length === i + 1, 10_000, 'the entry to reach Carol');
    }
    addComment(b.doc, { id: 'bob-comment-1', author: asBob, at: new Date(), body: '{"root":{}}', text: `Call me: ${bob.email}, ${bob.phone}`, mentions: [] });
    const mention = { type: 'mention', userId: bobId, name: bob.name, text: `@${bob.name}` };
    const body = JSON.stringify({ root: { children: [{ type: 'paragraph', children: [mention] }] } });
    addComment(c.doc, { id: 'carol-comment-1', author: { id: carol.id, name: 'Carol Roux' }, at: new Date(), body, text: `@${bob.name} agreed`, mentions: [bobId] });
    await waitFor(() => readComments(b.doc).length === 3 && readComments(c.doc).length === 3, 10_000, 'the comments to reach both');
    const moment = new Date().toISOString();
    await new Promise((r) => setTimeout(r, 5));
    editSwotItem(c.doc, 'bob-item-0', 'Point 0, by Carol', { id: carol.id, name: 'Carol Roux' }, new Date());
    await waitFor(() => readSwotItems(b.doc).some((i) => i.text === 'Point 0, by Carol'), 10_000, 'the edit to reach Bob');

    const dir = relay!.dataDir;
    const past = () => admin.ok<DocumentAt>('GET', `/api/activities/${activityId}/document?at=${encodeURIComponent(moment)}`);
    // Proof the searches find him before.
    expect(JSON.stringify(await past())).toContain(bob.name);
    const before = await traces(dir);
    expect(before.some((t) => t.startsWith(bob.name))).toBe(true);
    expect(before.some((t) => t.startsWith(bob.email))).toBe(true);
    const [{ checkpoints } = { checkpoints: 0 }] = await queryStore<{ checkpoints: number }>(dir, 'SELECT COUNT(*) AS checkpoints FROM doc_past_snapshots');
    expect(checkpoints).toBeGreaterThan(0);

    expect(await admin.ok('POST', `/api/users/${bobId}/erase`)).toEqual({ erased: true });
    const former = (await admin.ok<{ name: string }>('GET', `/api/users/${bobId}`)).name;
    expect(former).not.toBe(bob.name);
    // E1: Carol, connected all along, is sent the relay's change.
    const erased = {
      items: Array(6).fill(former),
      comments: [
        ['Carol Roux', `@${former} agreed`, null],
        [former, `Call me: ${former}, ${former}`, null],
      ],
    };
    await waitFor(() => JSON.stringify(names(c.doc)) === JSON.stringify(erased), 20_000, 'Carol to see the former member');
    expect(b.closes.map((x) => x.code)).toContain(4401);
    await erasureDone(dir);
    expect(await traces(dir)).toEqual([]);

    // H1 still holds: the past moment rebuilds, with the former member in it.
    const after = await past();
    expect(JSON.stringify(after)).not.toContain(bob.name);
    expect(after.boards.flatMap((board) => board.items).map((i) => (i as { authorName?: string }).authorName)).toEqual(Array(6).fill(former));
    expect(after.comments.map((x) => x.authorName).sort()).toEqual([former, 'Carol Roux', 'Carol Roux'].sort());

    // A restart loads the rewritten history; still no trace, and Carol reads the same.
    c.destroy();
    await relay!.stop();
    relay = await relay!.restart();
    expect(await traces(dir)).toEqual([]);
    const again = await connect(carol.api, activityId);
    expect(names(again.doc)).toEqual(erased);
    expect(JSON.stringify(await past())).not.toContain(bob.name);
    expect(await traces(dir)).toEqual([]);
  }, 120_000);

  it('E1: the erasure is the relay\'s job, not held to the administrator\'s own caps: it goes through when they used up their new editing sessions today (W14)', async () => {
    const { admin, bobId, bobApi, carol, activityId } = await world({ CONCLAVE_NEW_CLIENTS_PER_DAY: '1' });
    const a = await connect(admin, activityId);
    const b = await connect(bobApi, activityId);
    const c = await connect(carol.api, activityId);
    const self = await admin.ok<{ id: string; name: string }>('GET', '/api/me');
    // The administrator's one new client id of the day, taken by their own edit.
    addSwotItem(a.doc, { id: 'admin-item', quadrant: 'threats', text: 'Rent', author: self, at: new Date() });
    addSwotItem(b.doc, { id: 'bob-item', quadrant: 'strengths', text: 'Close to the station', author: { id: bobId, name: bob.name }, at: new Date() });
    await waitFor(() => readSwotItems(c.doc).length === 2, 10_000, 'both entries to reach Carol');
    expect(a.closes).toEqual([]);

    expect(await admin.ok('POST', `/api/users/${bobId}/erase`)).toEqual({ erased: true });
    const former = (await admin.ok<{ name: string }>('GET', `/api/users/${bobId}`)).name;
    await waitFor(() => readSwotItems(c.doc).find((i) => i.id === 'bob-item')?.authorName === former, 20_000, 'Carol to see the former member');
    await erasureDone(relay!.dataDir);
    expect(await traces(relay!.dataDir)).toEqual([]);
  }, 120_000);
});
