import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addSwotItem, readSwotItems } from '#core/doc/swot';
import { addPerson, setUpOrganisation, type Api } from '../../support/api.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { connectClient, synced, waitFor, type SyncClient } from '../../support/sync-client.ts';

describe('live sync through the relay', () => {
  let relay: RelayProcess;
  let admin: Api;
  let activityId: string;
  const clients: SyncClient[] = [];

  beforeAll(async () => {
    relay = await startRelayProcess();
    admin = await setUpOrganisation(relay.url);
    ({ id: activityId } = await admin.ok<{ id: string }>('POST', '/api/activities', {
      title: 'Lyon store',
      question: 'Should we open a store in Lyon next spring?',
    }));
  });

  afterAll(async () => {
    for (const c of clients) c.destroy();
    await relay.stop();
    await removeDataDir(relay.dataDir);
  });

  it('two clients converge on the same SWOT board', async () => {
    const bob = await addPerson(admin, 'Bob Martin');
    await admin.ok('POST', `/api/activities/${activityId}/members`, { userId: bob.id, role: 'contributor' });
    const a = await connectClient(admin, activityId);
    const b = await connectClient(bob.api, activityId);
    clients.push(a, b);
    await Promise.all([synced(a), synced(b)]);
    const self = await admin.ok<{ id: string; name: string }>('GET', '/api/me');
    const at = new Date();
    addSwotItem(a.doc, { id: 'item-from-a', quadrant: 'strengths', text: 'strength', author: { id: self.id, name: self.name }, at });
    addSwotItem(b.doc, { id: 'item-from-b', quadrant: 'threats', text: 'threat', author: { id: bob.id, name: 'Bob Martin' }, at });
    // The relay seeds every activity with its SWOT board (`methods.swot`).
    await waitFor(() => readSwotItems(a.doc).length === 2 && readSwotItems(b.doc).length === 2);
    expect(a.doc.getMap('methods').toJSON()).toEqual(b.doc.getMap('methods').toJSON());
  });
});
