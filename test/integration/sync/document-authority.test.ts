import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addComment, editComment, readComments, removeComment } from '#core/doc/comments';
import { addOption, addProsConsBoard, listProsConsBoards, readProsConsOptions, renameOption } from '#core/doc/pros-cons';
import { addSwotItem, readSwotItems, swotItemsMap } from '#core/doc/swot';
import { rebaseChanges, subjectOf } from '#core/sync/rebase';
import { carriesRefused, readRefusedId } from '#core/sync/refused-change';
import { addPerson, setUpOrganisation, type Api } from '../../support/api.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { connectApp, connectClient, synced, waitFor, type SyncClient } from '../../support/sync-client.ts';

type Person = { id: string; name: string; api: Api };
const at = new Date('2026-12-05T09:00:00Z');
const me = (p: Person) => ({ id: p.id, name: p.name });
const text = (t: string) => ({ body: JSON.stringify({ t }), text: t, mentions: [] as string[] });

/**
 * The relay's rules of who writes what (SPEC W1–W9) with stock y-websocket clients: a
 * refused change reaches no one, is not stored (nor after a restart), the sender is told
 * and closed with 4422; everything the rules allow goes on as before.
 */
describe('who writes what, on the real relay (SPEC W1–W9)', () => {
  let relay: RelayProcess;
  let activityId: string;
  let fay: Person;
  let cid: Person;
  let ola: Person;
  /** The facilitator's client, watching everything that reaches peers. */
  let watcher: SyncClient;
  const open: SyncClient[] = [];

  const join = async (who: Person) => {
    const client = await connectClient(who.api, activityId, new Y.Doc());
    open.push(client);
    await synced(client);
    return client;
  };

  /** A client as the app runs it: its unconfirmed changes kept apart and sent one by one (SPEC W9). */
  const joinAsApp = async (who: Person) => {
    const { client, changes } = await connectApp(who.api, activityId);
    open.push(client);
    await synced(client);
    return { client, changes };
  };

  /** `who` makes a change on a fresh connection; the relay refuses it under `rule`. */
  async function refused(who: Person, rule: string, change: (doc: Y.Doc) => void) {
    const client = await join(who);
    const sent: Uint8Array[] = [];
    client.doc.on('update', (update: Uint8Array, origin: unknown) => origin !== client.provider && sent.push(update));
    change(client.doc);
    await waitFor(() => client.closes.length > 0, 5_000, `refusal ${rule}`);
    expect(client.denied.at(-1)).toMatch(new RegExp(`^refused: .*\\(${rule}\\)$`));
    expect(client.closes[0]!.code).toBe(4422);
    // W9: the close reason names the refused update, so the app leaves out that change and no other.
    const named = readRefusedId(client.closes[0]!.reason);
    expect(named, client.closes[0]!.reason).not.toBeNull();
    expect(sent.filter((update) => carriesRefused(update, named!))).toHaveLength(1);
    return client;
  }

  /** A change the rules allow, from `who`, seen by the watcher: all earlier frames were handled. */
  let marks = 0;
  async function allowedMark(who: Person) {
    const client = await join(who);
    const key = `mark-${++marks}`;
    client.doc.getText('notes').insert(0, key);
    await waitFor(() => watcher.doc.getText('notes').toString().includes(key), 5_000, key);
    expect(client.closes).toEqual([]);
    client.destroy();
  }

  beforeAll(async () => {
    relay = await startRelayProcess();
    const admin = await setUpOrganisation(relay.url);
    const self = await admin.ok<{ id: string; name: string }>('GET', '/api/me');
    fay = { id: self.id, name: self.name, api: admin };
    ({ id: activityId } = await admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Sundays', question: 'Open the Lyon store on Sundays?' }));
    for (const name of ['Cid Contributor', 'Ola Other']) {
      const p = await addPerson(admin, name);
      await admin.ok('POST', `/api/activities/${activityId}/members`, { userId: p.id, role: 'contributor' });
      if (name.startsWith('Cid')) cid = { ...p, name };
      else ola = { ...p, name };
    }
    watcher = await join(fay);
  });

  afterAll(async () => {
    for (const c of open) c.destroy();
    await relay.stop();
    await removeDataDir(relay.dataDir);
  });

  it("W8, W5: a contributor's methods.clear() reaches no one, is not stored, and the sender is closed with 4422", async () => {
    const writer = await join(cid);
    addSwotItem(writer.doc, { id: 'item-cid-001', quadrant: 'strengths', text: 'Loyal customers', author: me(cid), at });
    await waitFor(() => readSwotItems(watcher.doc).length === 1, 5_000, 'the item');

    await refused(cid, 'W5', (doc) => doc.getMap('methods').clear());
    await allowedMark(ola);
    expect(watcher.doc.getMap('methods').has('swot')).toBe(true);
    expect(readSwotItems(watcher.doc).map((i) => i.id)).toEqual(['item-cid-001']);
    // The contributor's other connection goes on: the rules judge changes, not people.
    addSwotItem(writer.doc, { id: 'item-cid-002', quadrant: 'threats', text: 'Rents', author: me(cid), at });
    await waitFor(() => readSwotItems(watcher.doc).length === 2, 5_000, 'the next item');
    expect(writer.closes).toEqual([]);
  });

  it('W1: an item or comment under a forged authorId or authorName is refused', async () => {
    const forged = (author: { id: string; name: string }) => (doc: Y.Doc) =>
      addSwotItem(doc, { id: 'item-forged-1', quadrant: 'threats', text: 'Forged', author, at });
    await refused(cid, 'W1', forged(me(ola)));
    await refused(cid, 'W1', forged({ id: cid.id, name: fay.name }));
    await refused(cid, 'W1', (doc) => addComment(doc, { id: 'comment-forged', author: me(fay), at, ...text('As Fay') }));
    await refused(ola, 'W1', (doc) => swotItemsMap(doc)!.get('item-cid-001')!.set('authorId', ola.id));
    await allowedMark(cid);
    expect(readSwotItems(watcher.doc).find((i) => i.id === 'item-forged-1')).toBeUndefined();
    expect(readSwotItems(watcher.doc).find((i) => i.id === 'item-cid-001')?.authorId).toBe(cid.id);
    expect(readComments(watcher.doc)).toEqual([]);
  });

  it('W2–W4: versions append-only, by the author only; removal by author or facilitator, never deletion', async () => {
    const author = await join(cid);
    addComment(author.doc, { id: 'comment-cid-1', author: me(cid), at, ...text('First') });
    editComment(author.doc, 'comment-cid-1', cid.id, text('Second'), at);
    await waitFor(() => readComments(watcher.doc)[0]?.versions.length === 2, 5_000, 'two versions');

    const versions = (doc: Y.Doc) => doc.getArray<Y.Map<unknown>>('comments').get(0).get('versions') as Y.Array<unknown>;
    await refused(cid, 'W2', (doc) => versions(doc).delete(0, 1));
    await refused(fay, 'W2', (doc) => versions(doc).delete(0, 2));
    await refused(ola, 'W3', (doc) => versions(doc).push([{ ...text('Hijack'), at: at.toISOString(), by: ola.id }]));
    await refused(ola, 'W4', (doc) => removeComment(doc, 'comment-cid-1', me(ola), at));
    await refused(fay, 'W4', (doc) => doc.getArray('comments').delete(0, 1));
    await allowedMark(ola);
    expect(readComments(watcher.doc)[0]).toMatchObject({ versions: [{ text: 'First' }, { text: 'Second' }] });
    expect(readComments(watcher.doc)[0]!.removed).toBeUndefined();

    const facilitator = await join(fay);
    removeComment(facilitator.doc, 'comment-cid-1', me(fay), at);
    await waitFor(() => readComments(watcher.doc)[0]?.removed?.by === fay.id, 5_000, 'removal mark');
    expect(facilitator.closes).toEqual([]);
  });

  it('W6: meta.schemaVersion is written by no client, facilitators included', async () => {
    await refused(cid, 'W6', (doc) => doc.getMap('meta').set('schemaVersion', 99));
    await refused(fay, 'W6', (doc) => doc.getMap('meta').set('schemaVersion', 99));
    await allowedMark(fay);
    expect(watcher.doc.getMap('meta').get('schemaVersion')).toBe(1);
  });

  it("W5: a facilitator's structure changes go through; a contributor's are refused", async () => {
    await refused(cid, 'W5', (doc) => addProsConsBoard(doc, 'board-by-cid', me(cid), at));
    const facilitator = await join(fay);
    addProsConsBoard(facilitator.doc, 'board-by-fay', me(fay), at);
    addOption(facilitator.doc, 'board-by-fay', 'option-sundays', 'Open on Sundays');
    const contributor = await join(ola);
    await waitFor(() => readProsConsOptions(contributor.doc, 'board-by-fay').length === 1, 5_000, 'the new board');
    await refused(ola, 'W5', (doc) => addOption(doc, 'board-by-fay', 'option-ola', 'Sneaked'));
    await allowedMark(ola);
    expect(listProsConsBoards(watcher.doc)).toEqual(['board-by-fay']);
    expect(facilitator.closes).toEqual([]);
  });

  it("W7: a contributor empties no board of others' entries; deleting one is fine", async () => {
    await refused(ola, 'W7', (doc) => swotItemsMap(doc)!.clear());
    const contributor = await join(ola);
    swotItemsMap(contributor.doc)!.delete('item-cid-002');
    await waitFor(() => readSwotItems(watcher.doc).length === 1, 5_000, 'one item deleted');
    expect(contributor.closes).toEqual([]);
  });

  it('nothing refused is in the store, after a restart too', async () => {
    await relay.stop();
    relay = await relay.restart();
    const fresh = await join(fay);
    const methods = fresh.doc.getMap('methods');
    expect([...methods.keys()].sort()).toEqual(['board-by-fay', 'swot']);
    expect(readSwotItems(fresh.doc).map((i) => [i.id, i.authorId])).toEqual([['item-cid-001', cid.id]]);
    expect(readProsConsOptions(fresh.doc, 'board-by-fay').map((o) => o.id)).toEqual(['option-sundays']);
    expect(fresh.doc.getMap('meta').get('schemaVersion')).toBe(1);
    const [comment] = readComments(fresh.doc);
    expect(comment).toMatchObject({ authorId: cid.id, removed: { by: fay.id }, versions: [{ text: 'First' }, { text: 'Second' }] });
    expect(readComments(fresh.doc)).toHaveLength(1);
  });

  it('W1 follows a rename at once: a person renamed while connected writes under the new name on the same connection, no longer under the old one', async () => {
    const admin = fay.api;
    const person = await addPerson(admin, 'Ren Before');
    await admin.ok('POST', `/api/activities/${activityId}/members`, { userId: person.id, role: 'contributor' });
    const ren: Person = { ...person, name: 'Ren Before' };
    const peer = await join(fay);
    const writer = await join(ren);
    await ren.api.ok('PATCH', '/api/me', { name: 'Ren After' });
    addComment(writer.doc, { id: 'comment-ren-1', author: { id: ren.id, name: 'Ren After' }, at, ...text('Under my new name') });
    await waitFor(() => readComments(peer.doc).some((c) => c.id === 'comment-ren-1'), 5_000, 'the comment under the new name');
    expect(writer.closes).toEqual([]);
    expect(readComments(peer.doc).find((c) => c.id === 'comment-ren-1')).toMatchObject({ authorId: ren.id, authorName: 'Ren After' });
    await refused(ren, 'W1', (doc) => addComment(doc, { id: 'comment-ren-2', author: { id: ren.id, name: 'Ren Before' }, at, ...text('Under my old name') }));
  });

  it('W9, W5, W8: the refused rename reaches no one; the legitimate edits made around it reach everyone and survive a restart', async () => {
    const { client: offline, changes } = await joinAsApp(cid);
    await waitFor(() => readProsConsOptions(offline.doc, 'board-by-fay').length === 1, 5_000, 'the board');
    offline.provider.disconnect();
    addSwotItem(offline.doc, { id: 'item-before', quadrant: 'strengths', text: 'Tourists on Sundays', author: me(cid), at });
    renameOption(offline.doc, 'board-by-fay', 'option-sundays', 'Open every Sunday and holiday');
    addSwotItem(offline.doc, { id: 'item-after', quadrant: 'threats', text: 'Staff overtime', author: me(cid), at });
    addComment(offline.doc, { id: 'comment-after', author: me(cid), at, ...text('Ask the staff first') });
    expect(changes.size).toBe(4);

    const { ticket } = await cid.api.ok<{ ticket: string }>('POST', `/api/activities/${activityId}/sync-ticket`);
    offline.provider.params = { ticket };
    offline.provider.connect();
    await waitFor(() => offline.closes.some((c) => c.code === 4422), 5_000, 'the refusal');
    expect(offline.denied.at(-1)).toMatch(/^refused: .*\(W5\)$/);
    // Judged one by one: the change before the refused one is already everyone's.
    await waitFor(() => readSwotItems(watcher.doc).some((i) => i.id === 'item-before'), 5_000, 'the edit before');

    // The app's rollback (renderer/sync/activity-session.ts): a fresh copy from the relay,
    // then the unconfirmed changes rebased onto it.
    const carried = changes.updates();
    offline.destroy();
    const { client: fresh } = await joinAsApp(cid);
    const rebase = rebaseChanges(fresh.doc, carried, readRefusedId(offline.closes.find((c) => c.code === 4422)?.reason));
    expect(rebase.refused && subjectOf(fresh.doc, rebase.refused)).toEqual({ area: 'option', label: 'Open every Sunday and holiday' });
    for (const update of rebase.replay) Y.applyUpdate(fresh.doc, update, 'rebase');

    await waitFor(() => readComments(watcher.doc).some((c) => c.id === 'comment-after'), 5_000, 'the comment after the refused change');
    await waitFor(() => readSwotItems(watcher.doc).some((i) => i.id === 'item-after'), 5_000, 'the item after the refused change');
    expect(readProsConsOptions(watcher.doc, 'board-by-fay').map((o) => o.label)).toEqual(['Open on Sundays']);
    expect(readProsConsOptions(fresh.doc, 'board-by-fay').map((o) => o.label)).toEqual(['Open on Sundays']);
    expect(fresh.closes).toEqual([]);

    await relay.stop();
    relay = await relay.restart();
    const { client: after } = await joinAsApp(fay);
    expect(readSwotItems(after.doc).map((i) => i.id)).toEqual(expect.arrayContaining(['item-after', 'item-before']));
    expect(readComments(after.doc).find((c) => c.id === 'comment-after')?.authorId).toBe(cid.id);
    expect(readProsConsOptions(after.doc, 'board-by-fay').map((o) => o.label)).toEqual(['Open on Sundays']);
  });
});
