import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

const messageSync = 0;
const messageAwareness = 1;
const messageAuth = 2;

export interface RawClientOptions {
  /** Apply the server's sync step 2 to the client's document (to time a full load). */
  applyStep2?: boolean;
  /** Announce one awareness state on connecting, as an editor does. */
  announce?: string;
  /** Called with every update a peer sent through the server. */
  onPeerUpdate?: (update: Uint8Array) => void;
}

/**
 * A y-websocket client without the provider: it speaks the same frames (y-protocols
 * sync step 1/2, updates, awareness) so that thousands fit in one load process, and
 * it does not apply peers' updates to its document — it only reads them.
 */
export class RawClient {
  readonly doc: Y.Doc;
  readonly synced: Promise<void>;
  readonly closed: Promise<void>;
  denied: string | null = null;
  /** Size of the last sync step 2 received from the server. */
  step2Bytes = 0;
  private markSynced!: () => void;

  private constructor(
    private readonly socket: WebSocket,
    doc: Y.Doc,
    private readonly options: RawClientOptions,
  ) {
    this.doc = doc;
    this.synced = new Promise<void>((resolve, reject) => {
      this.markSynced = resolve;
      socket.once('close', (code: number, reason: Buffer) =>
        reject(new Error(`closed before sync: ${code} ${reason.toString()}`)),
      );
      socket.once('error', reject);
    });
    this.synced.catch(() => undefined);
    this.closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.on('message', (data: Buffer) => this.receive(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)));
    socket.once('open', () => {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, messageSync);
      syncProtocol.writeSyncStep1(e, this.doc);
      socket.send(encoding.toUint8Array(e));
      if (options.announce) this.announce(options.announce);
    });
  }

  /** Opens a connection; `synced` resolves once the server's sync step 2 arrived. */
  static open(url: string, options: RawClientOptions = {}, doc = new Y.Doc()): RawClient {
    const socket = new WebSocket(url, { perMessageDeflate: false });
    return new RawClient(socket, doc, options);
  }

  private announce(name: string) {
    const awareness = new awarenessProtocol.Awareness(this.doc);
    awareness.setLocalState({ user: { name, color: '#3366cc' }, cursor: null });
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, messageAwareness);
    encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, [this.doc.clientID]));
    this.socket.send(encoding.toUint8Array(e));
    awareness.destroy();
  }

  private receive(frame: Uint8Array) {
    const decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    if (type === messageAuth) {
      decoding.readVarUint(decoder);
      this.denied = decoding.readVarString(decoder);
      return;
    }
    if (type !== messageSync) return;
    const step = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (step === syncProtocol.messageYjsSyncStep1) {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, messageSync);
      encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep2);
      encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(this.doc, payload));
      this.socket.send(encoding.toUint8Array(e));
    } else if (step === syncProtocol.messageYjsSyncStep2) {
      this.step2Bytes = payload.length;
      if (this.options.applyStep2) Y.applyUpdate(this.doc, payload, 'server');
      this.markSynced();
    } else if (step === syncProtocol.messageYjsUpdate) {
      this.options.onPeerUpdate?.(payload);
    }
  }

  /** Sends one document update, as a provider does after a local transaction. */
  sendUpdate(update: Uint8Array) {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, messageSync);
    syncProtocol.writeUpdate(e, update);
    this.socket.send(encoding.toUint8Array(e));
  }

  /** Makes a local change, sends the update it produced and returns it. */
  edit(change: (doc: Y.Doc) => void): Uint8Array | null {
    let produced: Uint8Array | null = null;
    const capture = (update: Uint8Array) => (produced = update);
    this.doc.on('update', capture);
    try {
      this.doc.transact(() => change(this.doc));
    } finally {
      this.doc.off('update', capture);
    }
    if (produced) this.sendUpdate(produced);
    return produced;
  }

  get bufferedAmount() {
    return this.socket.bufferedAmount;
  }

  close() {
    this.socket.close();
    this.doc.destroy();
  }
}
