import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPerson, setUpOrganisation, type Api } from '../../support/api.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { connectClient, synced, waitFor, type SyncClient } from '../../support/sync-client.ts';

interface Editor {
  name: string;
  client: SyncClient;
  /** Keys this client received from the relay (written by someone else). */
  received: Set<string>;
  written: number;
  timer?: NodeJS.Timeout;
}

const crashes = 5;

describe('kill -9 while clients edit (SPEC D1, R1)', () => {
  let relay: RelayProcess;
  let admin: Api;
  let activityId: string;
  const editors: Editor[] = [];

  beforeAll(async () => {
    // Frequent snapshots, so that crashes also land between a snapshot and the log.
    relay = await startRelayProcess({ env: { CONCLAVE_SNAPSHOT_EVERY: '40' } });
    admin = await setUpOrganisation(relay.url);
    ({ id: activityId } = await admin.ok<{ id: string }>('POST', '/api/activities', {
      title: 'Budget 2027',
      question: 'Which three projects do we fund in 2027?',
    }));
    for (const name of ['ana', 'ben', 'chloe']) {
      const person = await addPerson(admin, name);
      await admin.ok('POST', `/api/activities/${activityId}/members`, { userId: person.id, role: 'contributor' });
      const client = await connectClient(person.api, activityId);
      const editor: Editor = { name, client, received: new Set(), written: 0 };
      const board = client.doc.getMap<number>('typed');
      board.observe((event) => {
        if (event.transaction.origin !== client.provider) return;
        for (const key of event.keysChanged) if (!key.startsWith(`${name}-`)) editor.received.add(key);
      });
      editors.push(editor);
    }
    await Promise.all(editors.map((e) => synced(e.client)));
  });

  afterAll(async () => {
    for (const e of editors) {
      clearInterval(e.timer);
      e.client.destroy();
    }
    await relay.stop();
    await removeDataDir(relay.dataDir);
  });

  // Six relay starts: give them room on a loaded machine (each start loads the whole relay).
  it(`loses nothing any client received, across ${crashes} crashes`, { timeout: 240_000 }, async () => {
    for (const e of editors) {
      e.timer = setInterval(() => {
        const board = e.client.doc.getMap<number>('typed');
        board.set(`${e.name}-${e.written}`, e.written);
        e.written += 1;
      }, 7);
    }
    for (let crash = 1; crash <= crashes; crash++) {
      await new Promise((r) => setTimeout(r, 600 + crash * 100));
      await relay.kill9();
      // Hold the editors back (they keep typing offline) so that the relay's store is
      // judged alone: it must hold everything any client received from it (D1).
      for (const e of editors) e.client.provider.disconnect();
      const receivedBeforeCrash = editors.flatMap((e) => [...e.received]);
      expect(receivedBeforeCrash.length, `clients received updates before crash ${crash}`).toBeGreaterThan(0);
      relay = await relay.restart();
      const fresh = await connectClient(admin, activityId, new Y.Doc());
      await synced(fresh);
      const stored = fresh.doc.getMap('typed');
      const missing = receivedBeforeCrash.filter((key) => !stored.has(key));
      fresh.destroy();
      expect(missing, `received by a client but lost in crash ${crash}`).toEqual([]);
      for (const e of editors) e.client.provider.connect();
      await waitFor(
        () => editors.every((e) => e.client.provider.wsconnected && e.client.provider.synced),
        20_000,
        `reconnect after crash ${crash}`,
      );
    }
    for (const e of editors) clearInterval(e.timer);

    // Everyone converges to one state, holding every key anyone wrote.
    const totalWritten = editors.reduce((n, e) => n + e.written, 0);
    await waitFor(() => editors.every((e) => e.client.doc.getMap('typed').size === totalWritten), 20_000, 'convergence');
    const states = editors.map((e) => e.client.doc.getMap('typed').toJSON());
    expect(states[1]).toEqual(states[0]);
    expect(states[2]).toEqual(states[0]);

    // After one more crash, the relay's store alone holds everything written.
    await new Promise((r) => setTimeout(r, 300));
    await relay.kill9();
    relay = await relay.restart();
    const fresh = await connectClient(admin, activityId, new Y.Doc());
    await synced(fresh);
    const stored = fresh.doc.getMap('typed');
    expect(stored.size).toBe(totalWritten);
    fresh.destroy();
  });
});
