import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mutate, random, syncFrame, validFrames } from '../../support/fuzz.ts';
import { setUpOrganisation, type Api } from '../../support/api.ts';
import { openWithTicket, type RawClient } from '../../support/raw-client.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { connectClient, synced, waitFor } from '../../support/sync-client.ts';
import { atScale } from '../../support/scale.ts';

/** 10,000 under `npm run soak` (which also sends 100,000 to a relay under attack), 3,000 in `npm test`. */
const frameCount = atScale(10_000, 3_000);

describe('malformed and random frames (SPEC L1, L2, D1, U1)', () => {
  let relay: RelayProcess;
  let admin: Api;
  let activityId: string;

  beforeAll(async () => {
    relay = await startRelayProcess({
      // Budgets lifted: a probe follows every frame, and thousands of connections are opened.
      env: {
        CONCLAVE_MESSAGES_PER_SECOND: '100000',
        CONCLAVE_MESSAGE_BURST: '100000',
        CONCLAVE_MAX_FRAME_BYTES: '65536',
        CONCLAVE_SYNC_STEP1_PER_MINUTE: '100000',
        CONCLAVE_AWARENESS_QUERIES_PER_MINUTE: '100000',
        CONCLAVE_TICKETS_PER_MINUTE: '100000',
      },
    });
    admin = await setUpOrganisation(relay.url);
    ({ id: activityId } = await admin.ok<{ id: string }>('POST', '/api/activities', {
      title: 'Robustness',
      question: 'Does the relay survive whatever a client sends?',
    }));
  });

  afterAll(async () => {
    await relay.stop();
    await removeDataDir(relay.dataDir);
  });

  it(`U1/D1: ${frameCount} random and mutated frames crash nothing, corrupt no document, and leave every client agreeing`, { timeout: 300_000 }, async () => {
    const good = await connectClient(admin, activityId);
    await synced(good);
    good.doc.getMap('board').set('strength', 'loyal customers');
    good.doc.getText('notes').insert(0, 'kept intact');

    const bases = validFrames();
    let connections = 0;
    let judged = 0;
    const closeCodes = new Map<number, number>();
    // Four lanes in parallel, each its own seeded stream of frames and connections.
    const lane = async (seed: number, frames: number) => {
      const rnd = random(seed);
      let client: RawClient | null = null;
      for (let i = 0; i < frames; i++) {
        if (!client || client.socket.readyState !== client.socket.OPEN) {
          if (client) {
            const { code } = await client.closed;
            closeCodes.set(code, (closeCodes.get(code) ?? 0) + 1);
          }
          client = await openWithTicket(admin, activityId);
          connections++;
        }
        const base = bases[Math.floor(rnd() * bases.length)]!;
        const frame = rnd() < 0.05 ? base : mutate(base, rnd);
        if (rnd() < 0.002) client.send('a text frame');
        else client.send(frame);
        // A probe after every frame: its answer (or the close) proves the relay has
        // judged the frame before the next one goes.
        const socket = client.socket;
        const answered = new Promise<void>((resolve) => {
          const done = () => {
            socket.off('message', done);
            socket.off('close', done);
            resolve();
          };
          socket.on('message', done);
          socket.on('close', done);
        });
        client.send(new Uint8Array([3]));
        await answered;
        judged++;
      }
      client?.socket.close();
    };
    await Promise.all([1, 2, 3, 4].map((n) => lane(20261123 + n, frameCount / 4)));

    // Every malformed frame closed its own connection with a protocol code.
    expect(judged).toBe(frameCount);
    expect(connections).toBeGreaterThan(10);
    // 4422: a mutated update that reads well but breaks a rule (another's client id, SPEC W10).
    for (const code of closeCodes.keys()) expect([1009, 4400, 4409, 4413, 4422, 1005, 1000, 1006]).toContain(code);
    expect(closeCodes.get(4400) ?? 0).toBeGreaterThan(0);

    // The relay still serves the good client, live.
    good.doc.getMap('board').set('after', 'still live');
    const peer = await connectClient(admin, activityId, new Y.Doc());
    await synced(peer);
    await waitFor(() => peer.doc.getMap('board').get('after') === 'still live', 10_000, 'live edit after fuzzing');
    expect(peer.doc.getMap('board').get('strength')).toBe('loyal customers');
    expect(peer.doc.getText('notes').toString()).toBe('kept intact');
    const liveState = Y.encodeStateVector(peer.doc);
    // D1: the newcomer holds exactly what the connected client was sent, nothing parked.
    expect(liveState).toEqual(Y.encodeStateVector(good.doc));
    expect(Y.encodeStateAsUpdate(peer.doc)).toEqual(Y.encodeStateAsUpdate(good.doc));
    expect(peer.doc.store.pendingStructs).toBeNull();
    expect(relay.output()).not.toContain('partly applied');
    peer.destroy();
    good.destroy();

    // And the stored document loads whole, with no unreadable update skipped.
    await relay.stop();
    relay = await relay.restart();
    const reloaded = await connectClient(admin, activityId, new Y.Doc());
    await synced(reloaded);
    expect(reloaded.doc.getMap('board').get('strength')).toBe('loyal customers');
    expect(reloaded.doc.getText('notes').toString()).toBe('kept intact');
    expect(Y.encodeStateVector(reloaded.doc)).toEqual(liveState);
    expect(relay.output()).not.toContain('skipped an unreadable stored update');
    reloaded.destroy();
  });

  it('L1: a frame over the size limit closes that connection with 1009', async () => {
    const client = await openWithTicket(admin, activityId);
    client.send(syncFrame(2, new Uint8Array(70_000)));
    expect((await client.closed).code).toBe(1009);
  });

  it('L2: an update Yjs cannot read closes with 4400 and names the fault', async () => {
    const client = await openWithTicket(admin, activityId);
    client.send(syncFrame(2, new Uint8Array([200, 1, 2, 3])));
    const closed = await client.closed;
    expect(closed.code).toBe(4400);
    expect(closed.reason).toMatch(/malformed|unusable/);
  });

  it('L7: an update that makes a handler throw (an embed whose JSON does not parse, read by the judge) closes that connection alone with 4400; others go on', async () => {
    const peer = await connectClient(admin, activityId, new Y.Doc());
    await synced(peer);
    const e = encoding.createEncoder();
    for (const n of [1, 1, 4242, 0]) encoding.writeVarUint(e, n); // one client, one struct, client 4242, clock 0
    encoding.writeUint8(e, 5); // an embed, placed by its parent's name
    encoding.writeVarUint(e, 1);
    encoding.writeVarString(e, 'l7-notes');
    encoding.writeVarString(e, '{'); // not JSON
    encoding.writeVarUint(e, 0);
    const client = await openWithTicket(admin, activityId);
    client.send(syncFrame(2, encoding.toUint8Array(e)));
    expect(await client.closed).toEqual({ code: 4400, reason: 'the relay could not handle this frame' });
    const writer = await connectClient(admin, activityId, new Y.Doc());
    await synced(writer);
    writer.doc.getText('l7').insert(0, 'still served');
    await waitFor(() => peer.doc.getText('l7').toString() === 'still served', 10_000, 'the edit after the throw');
    expect(peer.closes).toEqual([]);
    expect(peer.doc.getText('l7-notes').toString()).toBe('');
    peer.destroy();
    writer.destroy();
  });
});
