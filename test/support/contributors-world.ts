import * as Y from 'yjs';
import { addPerson, setUpOrganisation, type Api } from './api.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from './relay.ts';
import { connectClient, synced, type SyncClient } from './sync-client.ts';

export interface ContributorsWorld {
  relay: RelayProcess;
  admin: Api;
  activityId: string;
  /** The contributors, in the order named. */
  people: { id: string; name: string; api: Api }[];
  /** The facilitator's stock client, watching what reaches peers. */
  watcher: SyncClient;
  /** A stock client of `api`, synced; closed with the world. */
  join(api: Api): Promise<SyncClient>;
  close(): Promise<void>;
}

/** A relay on loopback, one activity with these contributors, and the facilitator watching it. */
export async function contributorsWorld(title: string, names: string[], env: Record<string, string> = {}): Promise<ContributorsWorld> {
  const relay = await startRelayProcess({ env });
  const admin = await setUpOrganisation(relay.url);
  const { id: activityId } = await admin.ok<{ id: string }>('POST', '/api/activities', { title, question: `What about ${title.toLowerCase()}?` });
  const people: ContributorsWorld['people'] = [];
  for (const name of names) {
    const person = await addPerson(admin, name);
    await admin.ok('POST', `/api/activities/${activityId}/members`, { userId: person.id, role: 'contributor' });
    people.push({ ...person, name });
  }
  const open: SyncClient[] = [];
  const join = async (api: Api) => {
    const client = await connectClient(api, activityId, new Y.Doc());
    open.push(client);
    await synced(client);
    return client;
  };
  const watcher = await join(admin);
  return {
    relay,
    admin,
    activityId,
    people,
    watcher,
    join,
    async close() {
      for (const c of open) c.destroy();
      await relay.stop();
      await removeDataDir(relay.dataDir);
    },
  };
}
