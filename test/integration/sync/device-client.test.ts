import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adoptKeptClient, keepClientWritten, readKeptClient, type KeptClientStore } from '#core/sync/kept-client';
import { addPerson, setUpOrganisation, type Api } from '../../support/api.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { queryStore } from '../../support/store-reader.ts';
import { connectClient, synced, waitFor } from '../../support/sync-client.ts';

/**
 * The app reopening an activity on one device, as renderer/sync/activity-session.ts does:
 * the device's copy loaded, the kept client id taken back, then a stock y-websocket client
 * joins. With CONCLAVE_NEW_CLIENTS_PER_DAY at 2, a fresh id per opening would be refused at
 * the third (SPEC W14, 4422).
 */
describe('one Yjs client id per device and activity, on the real relay (SPEC W14)', () => {
  let relay: RelayProcess;
  let admin: Api;
  let activityId: string;
  let ana: { id: string; api: Api };

  beforeAll(async () => {
    relay = await startRelayProcess({ env: { CONCLAVE_NEW_CLIENTS_PER_DAY: '2' } });
    admin = await setUpOrganisation(relay.url);
    ({ id: activityId } = await admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Openings', question: 'How often may Ana open it?' }));
    ana = await addPerson(admin, 'Ana Petit');
    await admin.ok('POST', `/api/activities/${activityId}/members`, { userId: ana.id, role: 'contributor' });
  });

  afterAll(async () => {
    await relay.stop();
    await removeDataDir(relay.dataDir);
  });

  it('five openings, each with presence and an edit, take one client id; every edit reaches the others', { timeout: 60_000 }, async () => {
    const items = new Map<string, string>();
    const store: KeptClientStore = { getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v) };
    const copyName = `conclave:test:${ana.id}:${activityId}`;
    let deviceCopy: Uint8Array = new Uint8Array([0, 0]);
    const watcher = await connectClient(admin, activityId);
    await synced(watcher);
    for (let n = 1; n <= 5; n++) {
      const doc = new Y.Doc();
      const stop = keepClientWritten(doc, store, copyName);
      Y.applyUpdate(doc, deviceCopy, 'device copy');
      const awareness = new Awareness(doc);
      adoptKeptClient(doc, awareness, readKeptClient(store, copyName), true);
      const opened = await connectClient(ana.api, activityId, doc, awareness);
      opened.provider.awareness.setLocalStateField('editing', 'the brief');
      await synced(opened);
      doc.getText('brief').insert(doc.getText('brief').length, `${n} `);
      await waitFor(() => watcher.doc.getText('brief').toString().includes(`${n} `) || opened.closes.length > 0, 10_000, `edit ${n}`);
      expect(opened.closes).toEqual([]);
      deviceCopy = Y.encodeStateAsUpdate(doc);
      stop();
      opened.provider.destroy();
      awareness.destroy();
    }
    expect(watcher.doc.getText('brief').toString()).toBe('1 2 3 4 5 ');
    const [row] = await queryStore<{ n: number }>(relay.dataDir, 'SELECT COUNT(*) AS n FROM doc_clients WHERE activity_id = ? AND user_id = ?', [activityId, ana.id]);
    expect(row!.n).toBe(1);
    watcher.destroy();
  });
});
