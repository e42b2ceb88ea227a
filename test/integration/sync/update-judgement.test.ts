import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpOrganisation, type Api } from '../../support/api.ts';
import { openWithTicket, type RawClient } from '../../support/raw-client.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { connectClient, synced, waitFor } from '../../support/sync-client.ts';

function updateFrame(update: Uint8Array) {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, 2);
  encoding.writeVarUint8Array(e, update);
  return encoding.toUint8Array(e);
}

/** The permission-denied reasons a raw client was sent (y-protocols/auth). */
function deniedReasons(client: RawClient): string[] {
  return client.frames.flatMap((frame) => {
    const d = decoding.createDecoder(frame);
    if (decoding.readVarUint(d) !== 2 || decoding.readVarUint(d) !== 0) return [];
    return [decoding.readVarString(d)];
  });
}

/** What a newcomer receives: the room's whole document, read by a stock client. */
async function freshCopy(api: Api, activityId: string) {
  const joiner = await connectClient(api, activityId, new Y.Doc());
  await synced(joiner);
  const doc = joiner.doc;
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  joiner.destroy();
  return copy;
}

describe('updates judged before they are applied (SPEC U2)', () => {
  let relay: RelayProcess;
  let admin: Api;
  let activityId: string;

  beforeAll(async () => {
    relay = await startRelayProcess({
      env: {
        CONCLAVE_MAX_FRAME_BYTES: String(8 * 1024 * 1024),
        CONCLAVE_MAX_DOCUMENT_BYTES: String(600 * 1024),
      },
    });
    admin = await setUpOrganisation(relay.url);
    ({ id: activityId } = await admin.ok<{ id: string }>('POST', '/api/activities', {
      title: 'Withheld updates',
      question: 'Can a client park data the relay does not count?',
    }));
  });

  afterAll(async () => {
    await relay.stop();
    await removeDataDir(relay.dataDir);
  });

  it('U2: updates that depend on a withheld one are held only within a bound, then refused and closed, never released past the limit', async () => {
    const attacker = new Y.Doc();
    const updates: Uint8Array[] = [];
    attacker.on('update', (u: Uint8Array) => updates.push(u));
    attacker.getMap('board').set('key', 'tiny');
    for (let i = 0; i < 12; i++) attacker.getMap('board').set(`block-${i}`, 'x'.repeat(100 * 1024));
    const [withheld, ...dependents] = updates;

    // A connection may hold back a little (a client that reconnects sends new edits
    // before its sync answer), counted: past that, it is refused and closed, and what it
    // held goes with it.
    const client = await openWithTicket(admin, activityId);
    for (const update of dependents) client.send(updateFrame(update));
    const closed = await client.closed;
    expect(closed.code).toBe(4409);
    expect(deniedReasons(client).some((r) => r.startsWith('out-of-sync'))).toBe(true);

    // The 17-byte update they depended on now arrives: it releases nothing.
    const releaser = await openWithTicket(admin, activityId);
    releaser.send(updateFrame(withheld!));
    releaser.send(new Uint8Array([3]));
    await waitFor(() => releaser.frames.length >= 2, 5_000, 'the relay to answer');
    releaser.socket.close();

    const copy = await freshCopy(admin, activityId);
    expect(copy.getMap('board').get('key')).toBe('tiny');
    expect([...copy.getMap('board').keys()]).toEqual(['key']);
    expect(Y.encodeStateAsUpdate(copy).length).toBeLessThan(1024);
  });
});

describe('updates judged by their entry count (SPEC U3)', () => {
  let relay: RelayProcess;
  let admin: Api;
  let activityId: string;

  beforeAll(async () => {
    relay = await startRelayProcess({ env: { CONCLAVE_MAX_FRAME_BYTES: String(8 * 1024 * 1024) } });
    admin = await setUpOrganisation(relay.url);
    ({ id: activityId } = await admin.ok<{ id: string }>('POST', '/api/activities', {
      title: 'Many entries',
      question: 'Can one update of tiny entries hold the relay?',
    }));
  });

  afterAll(async () => {
    await relay.stop();
    await removeDataDir(relay.dataDir);
  });

  it('U3: an update of 300,000 tiny entries is refused by its entry count, before it is integrated', { timeout: 120_000 }, async () => {
    const big = new Y.Doc();
    const entries = big.getMap('entries');
    big.transact(() => {
      for (let i = 0; i < 300_000; i++) entries.set(`e${i}`, i % 10);
    });
    const update = Y.encodeStateAsUpdate(big);
    expect(update.length).toBeGreaterThan(4 * 1024 * 1024);
    // Building it held this process for seconds: let idle HTTP sockets the relay closed go.
    await new Promise((resolve) => setTimeout(resolve, 200));

    const client = await openWithTicket(admin, activityId);
    client.send(updateFrame(update));
    const closed = await client.closed;
    expect(closed.code).toBe(4413);
    expect(deniedReasons(client).some((r) => r.startsWith('update-too-large'))).toBe(true);

    const copy = await freshCopy(admin, activityId);
    expect(copy.getMap('entries').size).toBe(0);
  });
});
