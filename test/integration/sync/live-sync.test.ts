import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    a.doc.getMap('methods').set('from-a', 'strength');
    b.doc.getMap('methods').set('from-b', 'threat');
    // The relay seeds every activity with its SWOT board (`methods.swot`), hence 3.
    await waitFor(() => a.doc.getMap('methods').size === 3 && b.doc.getMap('methods').size === 3);
    expect(a.doc.getMap('methods').toJSON()).toEqual(b.doc.getMap('methods').toJSON());
  });
});
