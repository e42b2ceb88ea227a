import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setUpOrganisation, type Api } from '../../support/api.ts';
import { openWithTicket, type RawClient } from '../../support/raw-client.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { connectClient, synced, waitFor } from '../../support/sync-client.ts';

const frameCount = 10_000;

/** A seeded generator, so that a failure can be replayed with the same frames. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function syncFrame(step: number, payload: Uint8Array) {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, step);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

/** Valid frames of every kind, from a document that never met the test's real client. */
function validFrames(): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  doc.getMap('fuzz').set('k', 'v');
  doc.getArray('list').insert(0, [1, 'two', { three: 3 }]);
  doc.getText('text').insert(0, 'hello world');
  doc.getText('text').delete(2, 3);
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState({ user: { name: 'fuzz' }, cursor: 7 });
  const aw = encoding.createEncoder();
  encoding.writeVarUint(aw, 1);
  encoding.writeVarUint8Array(aw, awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]));
  return [
    syncFrame(0, Y.encodeStateVector(doc)),
    syncFrame(1, Y.encodeStateAsUpdate(doc)),
    ...updates.map((u) => syncFrame(2, u)),
    encoding.toUint8Array(aw),
    new Uint8Array([3]),
  ];
}

function mutate(frame: Uint8Array, rnd: () => number): Uint8Array {
  const out = Array.from(frame);
  const kind = Math.floor(rnd() * 6);
  const at = Math.floor(rnd() * Math.max(1, out.length));
  switch (kind) {
    case 0: // flip bits
      for (let i = 0; i < 1 + rnd() * 4; i++) {
        const j = Math.floor(rnd() * out.length);
        out[j] = (out[j] ?? 0) ^ (1 << Math.floor(rnd() * 8));
      }
      return new Uint8Array(out);
    case 1: // truncate
      return new Uint8Array(out.slice(0, at));
    case 2: // insert random bytes
      out.splice(at, 0, ...Array.from({ length: 1 + Math.floor(rnd() * 8) }, () => Math.floor(rnd() * 256)));
      return new Uint8Array(out);
    case 3: // huge varint where a length is expected
      out.splice(at, 0, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f);
      return new Uint8Array(out);
    case 4: // pure noise
      return new Uint8Array(Array.from({ length: Math.floor(rnd() * 64) }, () => Math.floor(rnd() * 256)));
    default: // duplicate a slice
      return new Uint8Array([...out, ...out.slice(at)]);
  }
}

describe('malformed and random frames (SPEC L1, L2, D1, U1)', () => {
  let relay: RelayProcess;
  let admin: Api;
  let activityId: string;

  beforeAll(async () => {
    relay = await startRelayProcess({
      env: { CONCLAVE_MESSAGES_PER_SECOND: '100000', CONCLAVE_MESSAGE_BURST: '100000', CONCLAVE_MAX_FRAME_BYTES: '65536' },
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
    for (const code of closeCodes.keys()) expect([1009, 4400, 4409, 4413, 1005, 1000, 1006]).toContain(code);
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
});
