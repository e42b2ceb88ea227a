import * as Y from 'yjs';
import { DocRoot } from '../doc/schema.ts';
import { MessageType, SyncStep } from './protocol.ts';

/** At most this many changes are kept apart; past it the two adjacent smallest are joined (SPEC W9). */
const maxChanges = 500;
/** Consecutive changes to one place are joined while the change stays under this size. */
const joinBelowBytes = 64 * 1024;
/** Parts of a joined change are merged into one update every so many. */
const mergeEvery = 32;
/** Once this many changes wait for confirmation on a live connection, the relay is asked to confirm. */
const confirmEvery = 100;

interface Change {
  seq: number;
  parts: Uint8Array[];
  bytes: number;
  /** The entries, comments or roots it touches: changes to one place are judged alike. */
  place: string;
}

/** What of a y-websocket provider the queue needs (`WebsocketProvider` fits). */
export interface SyncProvider<E, D extends { arr: Uint8Array; pos: number }, P> {
  ws: { send(data: Uint8Array): void } | null;
  wsconnected: boolean;
  messageHandlers: ((encoder: E, decoder: D, provider: P, emitSynced: boolean, messageType: number) => void)[];
}

/**
 * This device's changes the relay has not confirmed yet, one per transaction (SPEC W9).
 * The relay judges each update it receives on its own, but a client back from offline
 * would send all its changes as one sync answer, refused whole for one bad change. So
 * each local transaction's update is kept here; when a connection opens (the relay's
 * sync step 1), they are sent one by one, oldest first, before the client's own sync
 * answer. The relay confirms by answering a sync step 1 sent after them (it handles a
 * connection's frames in order and closes at the first refusal), and what it confirmed
 * is forgotten. After a refusal (4422) the rest goes to `rebaseChanges`.
 */
export class UnconfirmedChanges {
  private changes: Change[] = [];
  private seq = 0;
  /** Changes up to this one were sent before a confirmation request: never joined to. */
  private sealed = 0;
  /** The confirmation request in flight covers changes up to this one. */
  private asked: number | null = null;
  private synced = false;
  private send: (frame: Uint8Array) => void = () => undefined;

  constructor(
    private readonly doc: Y.Doc,
    /** Whether a transaction's origin is not this device's (the relay's provider, the local store). */
    private readonly foreign: (origin: unknown) => boolean,
  ) {
    doc.on('update', this.record);
  }

  get size() {
    return this.changes.length;
  }

  /** The changes, oldest first, each as one update. */
  updates(): Uint8Array[] {
    return this.changes.map((c) => merged(c));
  }

  /** Watches the provider's sync messages: sends the changes when a connection opens, and confirms them. */
  attach<E, D extends { arr: Uint8Array; pos: number }, P>(provider: SyncProvider<E, D, P>) {
    this.send = (frame) => {
      if (provider.wsconnected) provider.ws?.send(frame);
    };
    const handle = provider.messageHandlers[MessageType.sync]!;
    provider.messageHandlers[MessageType.sync] = (encoder, decoder, p, emitSynced, type) => {
      const step = decoder.arr[decoder.pos];
      // The relay greets each connection with its step 1 (SPEC R2), and answers ours in order.
      if (step === SyncStep.step1) this.opened();
      handle(encoder, decoder, p, emitSynced, type);
      if (step === SyncStep.step2) this.answered();
    };
  }

  private record = (update: Uint8Array, origin: unknown, _doc: Y.Doc, tr: Y.Transaction) => {
    if (this.foreign(origin)) return;
    const place = placeOf(this.doc, tr);
    const last = this.changes.at(-1);
    if (last && last.seq > this.sealed && last.place === place && last.bytes + update.length < joinBelowBytes) {
      last.parts.push(update);
      last.bytes += update.length;
      if (last.parts.length >= mergeEvery) last.parts = [merged(last)];
    } else {
      this.changes.push({ seq: ++this.seq, parts: [update], bytes: update.length, place });
      if (this.changes.length > maxChanges) this.joinSmallest();
    }
    if (this.synced && this.asked === null && this.seq - this.sealed >= confirmEvery) this.askConfirmation();
  };

  /** Keeps the count bounded: the two adjacent changes smallest together become one. */
  private joinSmallest() {
    let best = 0;
    for (let i = 1; i < this.changes.length - 1; i++) {
      const size = (k: number) => this.changes[k]!.bytes + this.changes[k + 1]!.bytes;
      if (size(i) < size(best)) best = i;
    }
    const [a, b] = [this.changes[best]!, this.changes[best + 1]!];
    const joined: Change = { seq: b.seq, parts: [Y.mergeUpdates([merged(a), merged(b)])], bytes: a.bytes + b.bytes, place: `${a.place}|${b.place}` };
    this.changes.splice(best, 2, joined);
  }

  /** A connection opened: every change goes out again, one update each, before the sync answer. */
  private opened() {
    this.synced = false;
    this.asked = null;
    for (const change of this.changes) this.send(frame(SyncStep.update, merged(change)));
  }

  /**
   * A step 2. The first of a connection answers the provider's own step 1: the changes
   * sent before it are confirmed by the answer to a step 1 of ours sent now. A later one
   * answers ours: everything sent before it was taken.
   */
  private answered() {
    if (!this.synced) {
      this.synced = true;
      if (this.changes.length > 0) this.askConfirmation();
      return;
    }
    if (this.asked === null) return;
    const upTo = this.asked;
    this.changes = this.changes.filter((c) => c.seq > upTo);
    this.asked = null;
    if (this.seq - this.sealed >= confirmEvery) this.askConfirmation();
  }

  private askConfirmation() {
    this.asked = this.seq;
    this.sealed = this.seq;
    this.send(frame(SyncStep.step1, Y.encodeStateVector(this.doc)));
  }

  destroy() {
    this.doc.off('update', this.record);
    this.send = () => undefined;
  }
}

function merged(change: Change): Uint8Array {
  if (change.parts.length > 1) change.parts = [Y.mergeUpdates(change.parts)];
  return change.parts[0]!;
}

/** A `sync` message of the y-websocket protocol: type, step, then the payload with its length. */
function frame(step: number, payload: Uint8Array): Uint8Array {
  const head: number[] = [MessageType.sync, step];
  let n = payload.length;
  while (n > 0x7f) {
    head.push(0x80 | (n & 0x7f));
    n = Math.floor(n / 128);
  }
  head.push(n);
  const out = new Uint8Array(head.length + payload.length);
  out.set(head);
  out.set(payload, head.length);
  return out;
}

type Shared = Y.Doc['share'] extends Map<string, infer T> ? T : never;

/**
 * Where a transaction changed the document, as the relay's rules tell places apart: a
 * board's entry (`methods/<board>/<part>/<entry>`), a board, a comment; the brief and
 * other roots whole (any editor's, never refused by a rule of who writes what).
 */
function placeOf(doc: Y.Doc, tr: Y.Transaction): string {
  const names = new Map<Shared, string>();
  for (const [name, type] of doc.share) names.set(type, name);
  const places = new Set<string>();
  for (const [type, keys] of tr.changed) {
    const steps: string[] = [];
    let current: Shared = type;
    while (current._item) {
      const item: Y.Item = current._item;
      steps.unshift(item.parentSub ?? `${item.id.client}.${item.id.clock}`);
      current = item.parent as Shared;
    }
    const root = names.get(current) ?? '';
    const depth = root === DocRoot.methods ? 3 : root === DocRoot.comments ? 1 : 0;
    if (steps.length < depth) for (const key of keys) places.add([root, ...steps, key ?? ''].slice(0, depth + 1).join('/'));
    else places.add([root, ...steps].slice(0, depth + 1).join('/'));
  }
  return [...places].sort().join(' ');
}
