import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSwotItem, deleteSwotItem, readSwotItems } from '#core/doc/swot';
import { RemovalUndo } from '#core/doc/undo';
import { addPerson, setUpOrganisation, type Api } from '../../support/api.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { connectClient, synced, waitFor, type SyncClient } from '../../support/sync-client.ts';

type Person = { id: string; name: string; api: Api };
const at = new Date('2026-12-05T09:00:00Z');
const me = (p: Person) => ({ id: p.id, name: p.name });

/**
 * SPEC W11 on the real relay with stock y-websocket clients: a contributor's undo puts
 * back the item of someone else they removed; the same entry sent by someone who did not
 * remove it is refused (W1, 4422) and reaches no one; after a relay restart the relay no
 * longer remembers the removal, and the put-back is refused.
 */
describe('putting back what one removed, on the real relay (SPEC W11)', () => {
  let relay: RelayProcess;
  let activityId: string;
  let fay: Person;
  let cid: Person;
  let ola: Person;
  let watcher: SyncClient;
  const open: SyncClient[] = [];

  const join = async (who: Person) => {
    const client = await connectClient(who.api, activityId, new Y.Doc());
    open.push(client);
    await synced(client);
    return client;
  };

  const item = (id: string, text: string) => ({ id, quadrant: 'strengths' as const, text, author: me(ola), at });
  const itemIds = (doc: Y.Doc) => readSwotItems(doc).map((i) => i.id).sort();

  /** Ola writes an item; Cid, connected, removes it through the app's undo; everyone sees it gone. */
  async function removedByCid(id: string, text: string) {
    const writer = await join(ola);
    addSwotItem(writer.doc, item(id, text));
    const remover = await join(cid);
    await waitFor(() => itemIds(remover.doc).includes(id), 5_000, `${id} at Cid's`);
    const undo = new RemovalUndo(remover.doc);
    expect(undo.remove(() => deleteSwotItem(remover.doc, id))).toBe(true);
    await waitFor(() => !itemIds(watcher.doc).includes(id), 5_000, `${id} gone`);
    return { remover, undo };
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

  it("W11: Cid's undo puts back Ola's item he removed; both see it, under Ola's name", async () => {
    const { remover, undo } = await removedByCid('item-ola-001', 'Loyal customers');
    expect(undo.undo()).toBe(true);
    await waitFor(() => itemIds(watcher.doc).includes('item-ola-001'), 5_000, 'the item back');
    const ola1 = await join(ola);
    expect(readSwotItems(ola1.doc).find((i) => i.id === 'item-ola-001')).toMatchObject({ authorId: ola.id, authorName: ola.name, text: 'Loyal customers' });
    expect(remover.closes).toEqual([]);
  });

  it('W11, W1: a put-back of what one did not remove is refused and reaches no one', async () => {
    const facilitator = await join(fay);
    const writer = await join(ola);
    addSwotItem(writer.doc, item('item-ola-002', 'Tourists'));
    await waitFor(() => itemIds(facilitator.doc).includes('item-ola-002'), 5_000, 'the item at Fay’s');
    deleteSwotItem(facilitator.doc, 'item-ola-002');
    await waitFor(() => !itemIds(watcher.doc).includes('item-ola-002'), 5_000, 'removed by Fay');

    const forger = await join(cid);
    addSwotItem(forger.doc, item('item-ola-002', 'Tourists'));
    await waitFor(() => forger.closes.length > 0, 5_000, 'the refusal');
    expect(forger.closes[0]!.code).toBe(4422);
    expect(forger.denied.at(-1)).toMatch(/^refused: .*\(W1\)$/);
    const later = await join(ola);
    expect(itemIds(later.doc)).not.toContain('item-ola-002');
    expect(itemIds(watcher.doc)).not.toContain('item-ola-002');
  });

  it('after a relay restart the removal is forgotten: the put-back is refused (the history still restores it)', async () => {
    const { remover, undo } = await removedByCid('item-ola-003', 'Parking');
    await relay.stop();
    relay = await relay.restart();
    await waitFor(() => remover.provider.synced && remover.provider.wsconnected, 10_000, 'Cid back');
    expect(undo.undo()).toBe(true);
    await waitFor(() => remover.closes.some((c) => c.code === 4422), 5_000, 'the refusal');
    expect(remover.denied.at(-1)).toMatch(/^refused: .*\(W1\)$/);
    const fresh = await join(fay);
    expect(itemIds(fresh.doc)).not.toContain('item-ola-003');
  });
});
