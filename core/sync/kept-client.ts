import * as Y from 'yjs';

/** What of a presence (y-protocols' Awareness) the kept id needs. */
export interface Presence {
  clientID: number;
  states: Map<number, unknown>;
  meta: Map<number, { clock: number; lastUpdated: number }>;
  getLocalState(): Record<string, unknown> | null;
  setLocalState(state: Record<string, unknown> | null): void;
}

/**
 * The Yjs client id this device writes one activity under, kept from one opening to the
 * next: each id the relay has not seen counts against the person's
 * `CONCLAVE_NEW_CLIENTS_PER_DAY` (SPEC W14), so a new one per opening would use it up.
 *
 * Writing under an id is safe only when nobody else writes under it and this copy holds
 * everything written under it (else two different changes would share clocks). So the kept
 * id is taken back only by the tab that holds the device's lock for the activity, only once
 * the device's copy is loaded, only when that copy holds at least the clock this device last
 * wrote under it (written down before each change goes to the relay), and only while the
 * fresh id has written nothing. Otherwise the session writes under its fresh id, which is
 * kept from then on. The device's lock is the renderer's (renderer/sync/device-client.ts). The presence id is the document's (the relay claims it as the person's,
 * W10), with a clock above any earlier opening's so the relay takes the state (A3).
 */
export interface KeptClient {
  client: number;
  /** The clock after the last change this device wrote under it. */
  clock: number;
}

/** Where the kept id is written down (localStorage in the app). */
export interface KeptClientStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export const keptClientKey = (copyName: string) => `${copyName}:client`;

export function readKeptClient(store: KeptClientStore, copyName: string): KeptClient | null {
  try {
    const value: unknown = JSON.parse(store.getItem(keptClientKey(copyName)) ?? 'null');
    if (typeof value !== 'object' || value === null) return null;
    const { client, clock } = value as Record<string, unknown>;
    const valid = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
    return valid(client) && valid(clock) && client <= 0xffff_ffff ? { client, clock } : null;
  } catch {
    return null;
  }
}

/**
 * Takes the kept id back for `doc` and `awareness` when that is safe (see above); true when
 * it did. Call once the device's copy is loaded and before anything is sent.
 */
export function adoptKeptClient(doc: Y.Doc, awareness: Presence, kept: KeptClient | null, locked: boolean, now = Date.now()): boolean {
  if (!locked || kept === null || kept.client === doc.clientID) return false;
  if (Y.getState(doc.store, doc.clientID) !== 0) return false;
  if (Y.getState(doc.store, kept.client) < kept.clock) return false;
  const state = awareness.getLocalState();
  awareness.setLocalState(null);
  awareness.states.delete(awareness.clientID);
  awareness.meta.delete(awareness.clientID);
  doc.clientID = kept.client;
  awareness.clientID = kept.client;
  // Above any clock an earlier opening reached (one a millisecond at most), so the relay takes it.
  awareness.meta.set(kept.client, { clock: now, lastUpdated: now });
  awareness.setLocalState(state);
  return true;
}

/**
 * Writes down, before each change of this device goes to the relay, the id it was written
 * under and the clock after it. Returns the unsubscribe.
 */
export function keepClientWritten(doc: Y.Doc, store: KeptClientStore, copyName: string): () => void {
  // 'afterTransaction' comes before 'update', which the provider sends.
  const written = (tr: Y.Transaction) => {
    if (!tr.local) return;
    const client = doc.clientID;
    const clock = Y.getState(doc.store, client);
    if ((tr.beforeState.get(client) ?? 0) === clock) return;
    try {
      store.setItem(keptClientKey(copyName), JSON.stringify({ client, clock }));
    } catch {
      // Storage full or refused: the next opening takes a fresh id, which is safe.
    }
  };
  doc.on('afterTransaction', written);
  return () => doc.off('afterTransaction', written);
}
