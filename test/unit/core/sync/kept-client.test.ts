import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { adoptKeptClient, keepClientWritten, readKeptClient, type KeptClientStore, type Presence } from '#core/sync/kept-client';

/** A presence as y-protocols keeps it: each state set takes the next clock of its client. */
class Awareness implements Presence {
  clientID: number;
  states = new Map<number, unknown>();
  meta = new Map<number, { clock: number; lastUpdated: number }>();
  constructor(doc: Y.Doc) {
    this.clientID = doc.clientID;
    this.setLocalState({});
  }
  getLocalState() {
    return (this.states.get(this.clientID) as Record<string, unknown> | undefined) ?? null;
  }
  setLocalState(state: Record<string, unknown> | null) {
    const clock = (this.meta.get(this.clientID)?.clock ?? -1) + 1;
    this.meta.set(this.clientID, { clock, lastUpdated: 0 });
    if (state === null) this.states.delete(this.clientID);
    else this.states.set(this.clientID, state);
  }
}

const copy = 'conclave:relay:u-1:a-1';

function memoryStore(): KeptClientStore & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return { items, getItem: (k) => items.get(k) ?? null, setItem: (k, v) => void items.set(k, v) };
}

/** One opening of the activity on this device: a fresh document loaded from the device's copy. */
function opening(store: KeptClientStore, deviceCopy: Uint8Array[], locked = true) {
  const doc = new Y.Doc();
  const awareness = new Awareness(doc);
  const stop = keepClientWritten(doc, store, copy);
  for (const u of deviceCopy) Y.applyUpdate(doc, u, 'device copy');
  const adopted = adoptKeptClient(doc, awareness, readKeptClient(store, copy), locked);
  const written: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array, origin: unknown) => {
    if (origin !== 'device copy') written.push(u);
  });
  return { doc, awareness, adopted, written, stop };
}

describe('one Yjs client id per device and activity, kept across openings (SPEC W14)', () => {
  it('the second opening writes under the first one’s id, from where it stopped; the presence id follows', () => {
    const store = memoryStore();
    const first = opening(store, []);
    expect(first.adopted).toBe(false);
    first.doc.getText('brief').insert(0, 'Hello');
    expect(readKeptClient(store, copy)).toEqual({ client: first.doc.clientID, clock: 5 });

    const second = opening(store, first.written);
    expect(second.adopted).toBe(true);
    expect(second.doc.clientID).toBe(first.doc.clientID);
    expect(second.awareness.clientID).toBe(first.doc.clientID);
    expect(second.awareness.getLocalState()).toEqual({});
    // Its presence clock is above any the first opening reached.
    expect(second.awareness.meta.get(first.doc.clientID)!.clock).toBeGreaterThan(first.awareness.meta.get(first.doc.clientID)!.clock);
    second.doc.getText('brief').insert(5, ' world');

    // The relay, holding both openings' changes, sees one client and a consistent text.
    const relay = new Y.Doc();
    for (const u of [...first.written, ...second.written]) Y.applyUpdate(relay, u);
    expect(relay.getText('brief').toString()).toBe('Hello world');
    expect([...relay.store.clients.keys()]).toEqual([first.doc.clientID]);
  });

  it('a copy that lacks the last change written under the id (lost before it was stored) takes a fresh id', () => {
    const store = memoryStore();
    const first = opening(store, []);
    first.doc.getText('brief').insert(0, 'A');
    first.doc.getText('brief').insert(1, 'B');
    const second = opening(store, first.written.slice(0, 1));
    expect(second.adopted).toBe(false);
    expect(second.doc.clientID).not.toBe(first.doc.clientID);
  });

  it('another tab holding the lock, or an opening that already wrote under its fresh id, keeps its fresh id', () => {
    const store = memoryStore();
    const first = opening(store, []);
    first.doc.getText('brief').insert(0, 'A');
    expect(opening(store, first.written, false).adopted).toBe(false);

    const doc = new Y.Doc();
    const awareness = new Awareness(doc);
    for (const u of first.written) Y.applyUpdate(doc, u);
    doc.getText('brief').insert(1, 'B');
    expect(adoptKeptClient(doc, awareness, readKeptClient(store, copy), true)).toBe(false);
  });

  it('what is read back is checked: anything else than a client id and a clock is ignored', () => {
    const store = memoryStore();
    for (const bad of ['{', '"x"', '{"client":-1,"clock":0}', '{"client":1.5,"clock":0}', '{"client":4294967296,"clock":0}', 'null']) {
      store.setItem(`${copy}:client`, bad);
      expect(readKeptClient(store, copy)).toBeNull();
    }
  });
});
