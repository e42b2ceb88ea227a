import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addComment, commentsOf, readComments } from '#core/doc/comments';
import { addSwotItem, readSwotItems } from '#core/doc/swot';
import { addPerson, setUpOrganisation, type Api } from '../../support/api.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { connectClient, synced, waitFor, type SyncClient } from '../../support/sync-client.ts';
import { upload } from './support.ts';

type Person = { id: string; name: string; api: Api };
const at = new Date('2026-12-06T09:00:00Z');
const me = (p: Person) => ({ id: p.id, name: p.name });
const words = (t: string) => ({ body: JSON.stringify({ t }), text: t, mentions: [] as string[] });
const pdf = (title: string) => Buffer.from(`%PDF-1.4\n% ${title}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`);

/**
 * Attachments and page anchors on the real relay (SPEC W13), with stock y-websocket
 * clients: a comment or board item names files of its activity only, uploaded before the
 * room loaded or while it is live; a file of another activity, one removed, or a page out
 * of bounds is refused 4422 and reaches no one.
 */
describe('attachments name files of the activity (SPEC W13)', () => {
  let relay: RelayProcess;
  let activity: string;
  let other: string;
  let fay: Person;
  let cid: Person;
  let offer: string;
  let foreign: string;
  let watcher: SyncClient;
  const open: SyncClient[] = [];

  const join = async (who: Person) => {
    const client = await connectClient(who.api, activity, new Y.Doc());
    open.push(client);
    await synced(client);
    return client;
  };
  const fileOf = async (api: Api, activityId: string, name: string) => {
    const answer = await upload(api, activityId, [{ bytes: pdf(name), name }]);
    expect(answer.status).toBe(201);
    return answer.body.id!;
  };

  async function refused(who: Person, change: (doc: Y.Doc) => void) {
    const client = await join(who);
    change(client.doc);
    await waitFor(() => client.closes.length > 0, 5_000, 'the refusal');
    expect(client.closes[0]!.code).toBe(4422);
    expect(client.denied.at(-1)).toMatch(/\(W13\)$/);
    client.destroy();
  }

  beforeAll(async () => {
    relay = await startRelayProcess();
    const admin = await setUpOrganisation(relay.url);
    const self = await admin.ok<{ id: string; name: string }>('GET', '/api/me');
    fay = { id: self.id, name: self.name, api: admin };
    const c = await addPerson(admin, 'Cid Contributor');
    cid = { ...c, name: 'Cid Contributor' };
    ({ id: activity } = await admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Supplier', question: 'Which supplier?' }));
    ({ id: other } = await admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Elsewhere', question: 'Another question?' }));
    await admin.ok('POST', `/api/activities/${activity}/members`, { userId: cid.id, role: 'contributor' });
    await admin.ok('POST', `/api/activities/${other}/members`, { userId: cid.id, role: 'contributor' });
    // Uploaded before anyone opened the activity: the room reads it from the store when it loads.
    offer = await fileOf(cid.api, activity, 'offer.pdf');
    foreign = await fileOf(cid.api, other, 'elsewhere.pdf');
    watcher = await join(fay);
  });

  afterAll(async () => {
    for (const c of open) c.destroy();
    await relay.stop();
    await removeDataDir(relay.dataDir);
  });

  it('a comment attaching a file of the activity, and one pinned to its page 2, reach everyone', async () => {
    const writer = await join(cid);
    addComment(writer.doc, { id: 'comment-files-01', author: me(cid), at, ...words('The offer'), files: [offer] });
    addComment(writer.doc, { id: 'comment-page-002', author: me(cid), at, ...words('Page 2 is dear'), anchor: { fileId: offer, page: 2, region: { x: 0.1, y: 0.5, w: 0.3, h: 0.1 } } });
    await waitFor(() => readComments(watcher.doc).length === 2, 5_000, 'both comments');
    expect(readComments(watcher.doc).map((c) => [c.files, c.anchor?.page])).toEqual([[[offer], undefined], [undefined, 2]]);
    expect(writer.closes).toEqual([]);
  });

  it('a file uploaded while the room is live can be attached at once', async () => {
    const writer = await join(cid);
    const budget = await fileOf(cid.api, activity, 'budget.pdf');
    addSwotItem(writer.doc, { id: 'item-with-file1', quadrant: 'opportunities', text: 'Cheaper', author: me(cid), at, files: [budget] });
    await waitFor(() => readSwotItems(watcher.doc).some((i) => i.id === 'item-with-file1'), 5_000, 'the item');
    expect(writer.closes).toEqual([]);
  });

  it('a file of another activity, an unknown id, a page out of bounds: refused 4422, seen by no one', async () => {
    await refused(cid, (doc) => addComment(doc, { id: 'comment-foreign1', author: me(cid), at, ...words('Elsewhere'), files: [foreign] }));
    await refused(fay, (doc) => addComment(doc, { id: 'comment-unknown1', author: me(fay), at, ...words('Nothing'), files: ['no-such-file-01'] }));
    await refused(cid, (doc) =>
      doc.transact(() => {
        const map = new Y.Map<unknown>();
        for (const [k, v] of Object.entries({ id: 'comment-page-000', authorId: cid.id, authorName: cid.name, createdAt: at.toISOString(), parentId: null })) map.set(k, v);
        map.set('versions', Y.Array.from([{ ...words('Page zero'), at: at.toISOString(), by: cid.id }]));
        map.set('anchor', { fileId: offer, page: 0 });
        commentsOf(doc).push([map]);
      }),
    );
    const ids = readComments(watcher.doc).map((c) => c.id);
    expect(ids).not.toContain('comment-foreign1');
    expect(ids).not.toContain('comment-unknown1');
    expect(ids).not.toContain('comment-page-000');
  });

  it('a removed file can no longer be attached', async () => {
    const gone = await fileOf(cid.api, activity, 'draft.pdf');
    await cid.api.ok('DELETE', `/api/files/${gone}`);
    await refused(cid, (doc) => addComment(doc, { id: 'comment-gone-001', author: me(cid), at, ...words('Draft'), files: [gone] }));
  });
});
