import * as decoding from 'lib0/decoding';
import { ObservableV2 } from 'lib0/observable';
import { IndexeddbPersistence } from 'y-indexeddb';
import { Awareness } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { CloseCode, MessageType } from '#core/sync/protocol';
import { rebaseChanges, subjectOf, type ChangeSubject } from '#core/sync/rebase';
import { readRefusedClient, readRefusedId, type RefusedId } from '#core/sync/refused-change';
import { UnconfirmedChanges } from '#core/sync/unconfirmed';
import type { SyncTicket } from '#core/api/activities';
import { relayClockOf } from './relay-time.ts';
import type { ApiClient } from '../api/client.ts';
import { syncTicket } from '../api/endpoints.ts';
import { adoptKeptClient, keepClientWritten, readKeptClient, type KeptClientStore } from '#core/sync/kept-client';
import { lockDeviceClient } from './device-client.ts';

export type LinkState = 'connecting' | 'connected' | 'offline' | 'revoked';

export interface ConnectionState {
  link: LinkState;
  /** The relay's copy and ours have met since the last (re)connection. */
  synced: boolean;
  /** This device's copy is loaded (IndexedDB): work can start, even offline. */
  loaded: boolean;
  /** The relay's last refusal (a viewer's edit, a full document), shown as is. */
  denied: string | null;
  /** After a rollback (SPEC W9): the change refused, and how many of this device's others were sent again. */
  refusedChange: RefusedChange | null;
}

export interface RefusedChange {
  subject: ChangeSubject;
  kept: number;
  /** Changes left out with it, the refused one included (a client the relay does not take as the person's, W10); 0 otherwise. */
  dropped: number;
}

type Events = {
  change: (state: ConnectionState) => void;
  status: (event: { status: string }) => void;
  sync: (synced: boolean) => void;
  reconnected: () => void;
  /** The relay refused a change (SPEC W8): this copy must be discarded for the relay's. */
  rollback: (reason: string | null, unconfirmed: Uint8Array[], refused: RefusedId | null, refusedClient: number | null) => void;
  /** The activity's content was removed (its plan's retention): nothing to reconnect to. */
  removed: () => void;
};

/** This device's storage for the kept Yjs client id; null where the page may not use it. */
function keptClientStore(): KeptClientStore | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The origin of this device's changes put back after a rollback (SPEC W9). */
const rebaseOrigin = Symbol('rebase');

/**
 * One open activity: its Y.Doc, kept on this device (y-indexeddb) and synced with the
 * relay through one y-websocket provider. Tickets are single use, so a fresh one is
 * fetched before every reconnection. The browser's offline/online events cut and
 * restore the socket at once instead of waiting for a timeout.
 */
export class ActivitySession extends ObservableV2<Events> {
  private static opened = 0;
  /** Tells sessions of one activity apart: the screen remounts on a new one (a rollback). */
  readonly serial = ++ActivitySession.opened;
  readonly doc = new Y.Doc();
  readonly awareness = new Awareness(this.doc);
  provider: WebsocketProvider | null = null;
  private local: IndexeddbPersistence | null = null;
  private started = false;
  private destroyed = false;
  private retry: ReturnType<typeof setTimeout> | null = null;
  state: ConnectionState = { link: 'connecting', synced: false, loaded: false, denied: null, refusedChange: null };
  /** This device's changes the relay has not confirmed: sent one by one, kept for a rollback (SPEC W9). */
  private readonly unconfirmed = new UnconfirmedChanges(this.doc, (origin) => origin === this.provider || origin === this.local);
  /** Asked for as soon as the activity opens, so that it is there when the editor is. */
  private firstTicket: Promise<SyncTicket | null> | null;
  /** The device's copy is loaded and its Yjs client id chosen (device-client.ts): then the relay is joined. */
  private prepared: Promise<unknown> = Promise.resolve();
  private releaseLock: () => void = () => undefined;
  private stopKeeping: () => void = () => undefined;

  constructor(
    private readonly api: ApiClient,
    readonly activityId: string,
    private readonly storeName: string,
    /** Why the previous session was rolled back, shown until the next refusal. */
    denied: string | null = null,
    /** The previous session's unconfirmed changes, put back once this one has the relay's copy. */
    private carried: Uint8Array[] = [],
    /** The update the relay named as refused (its close reason), if it did. */
    private readonly refused: RefusedId | null = null,
    /** The Yjs client a W10 refusal named: this device's changes in it are left out (SPEC W9, W10). */
    private readonly refusedClient: number | null = null,
  ) {
    super();
    this.state = { ...this.state, denied };
    this.firstTicket = this.ticket().catch(() => null);
  }

  /** Loads the local copy and connects; safe to call more than once. */
  start() {
    if (this.started || this.destroyed) return;
    this.started = true;
    this.local = new IndexeddbPersistence(this.storeName, this.doc);
    void this.local.whenSynced.then(() => this.set({ loaded: true }));
    this.prepared = this.takeKeptClient(this.local);
    window.addEventListener('offline', this.goOffline);
    window.addEventListener('online', this.goOnline);
    void this.connect();
  }

  /**
   * Writes under the Yjs client id this device used last time for this activity when that
   * is safe (device-client.ts), so that reopening it takes no new id from the person's daily
   * allowance (SPEC W14); never after a rollback. Waits at most 5 s for the device's copy.
   */
  private async takeKeptClient(local: IndexeddbPersistence) {
    const store = keptClientStore();
    if (!store) return;
    this.stopKeeping = keepClientWritten(this.doc, store, this.storeName);
    const afterRollback = this.carried.length > 0 || this.refused !== null || this.refusedClient !== null;
    const locked = lockDeviceClient(this.storeName, new Promise<void>((release) => (this.releaseLock = release)));
    const loaded = Promise.all([local.whenSynced, locked]).then(([, held]) => held);
    const held = await Promise.race([loaded, new Promise<false>((resolve) => setTimeout(() => resolve(false), 5000))]).catch(() => false);
    if (this.destroyed || afterRollback) return;
    adoptKeptClient(this.doc, this.awareness, readKeptClient(store, this.storeName), held);
  }

  /** A sync ticket; its answer's time is a sample of the relay's clock (relay-time.ts). */
  private async ticket(): Promise<SyncTicket> {
    const sentAt = Date.now();
    const ticket = await syncTicket(this.api, this.activityId);
    if (ticket.now !== undefined) relayClockOf(this.doc).note(sentAt, ticket.now, Date.now());
    return ticket;
  }

  private set(patch: Partial<ConnectionState>) {
    this.state = { ...this.state, ...patch };
    this.emit('change', [this.state]);
  }

  private async connect() {
    if (this.destroyed || this.provider) return;
    try {
      const early = this.firstTicket ? await this.firstTicket : null;
      this.firstTicket = null;
      const ticket = early ?? (await this.ticket());
      await this.prepared;
      if (this.destroyed || this.provider) return;
      this.provider = this.openProvider(ticket.url, ticket.room, ticket.ticket);
    } catch {
      this.set({ link: 'offline' });
      this.retry = setTimeout(() => void this.connect(), 3000);
    }
  }

  private openProvider(url: string, room: string, ticket: string) {
    const provider = new WebsocketProvider(url, room, this.doc, {
      params: { ticket },
      awareness: this.awareness,
      disableBc: true,
      maxBackoffTime: 4000,
      connect: navigator.onLine,
    });
    this.unconfirmed.attach(provider);
    provider.messageHandlers[MessageType.auth] = (_encoder, decoder) => {
      decoding.readVarUint(decoder);
      this.set({ denied: decoding.readVarString(decoder) });
    };
    let wasConnected = false;
    provider.on('status', (event) => {
      if (event.status === 'connected') {
        this.set({ link: 'connected' });
        if (wasConnected) this.emit('reconnected', []);
        wasConnected = true;
      } else if (this.state.link !== 'revoked') {
        this.set({ link: navigator.onLine ? 'connecting' : 'offline', synced: false });
      }
      this.emit('status', [event]);
    });
    provider.on('sync', (synced) => {
      if (synced) this.putBack();
      this.set({ synced });
      this.emit('sync', [synced]);
    });
    provider.on('connection-close', (event) => {
      if (event && (event.code === CloseCode.accessRevoked || event.code === CloseCode.signedOut)) {
        this.set({ link: 'revoked' });
        void this.forgetLocalCopy();
      }
      if (event && event.code === CloseCode.contentRemoved) {
        provider.shouldConnect = false;
        this.set({ link: 'revoked' });
        void this.forgetLocalCopy();
        this.emit('removed', []);
        return;
      }
      if (event && event.code === CloseCode.changeRefused) {
        this.emit('rollback', [this.state.denied, this.unconfirmed.updates(), readRefusedId(event.reason), readRefusedClient(event.reason)]);
        return;
      }
      void this.refreshTicket();
    });
    return provider;
  }

  /**
   * After a rollback, once this copy is the relay's: the change it refused is left out
   * (the one it named, else the first of the carried ones it does not hold), the others
   * are applied again, each as its own transaction, so the relay judges them one by one (SPEC W9).
   * After a W10 refusal every change in the refused client is left out, and none of its
   * clocks is sent again (placeholders there would be refused again, rollback after
   * rollback); this copy writes under its own new client id.
   */
  private putBack() {
    const carried = this.carried;
    this.carried = [];
    if (carried.length === 0) return;
    const rebase = rebaseChanges(this.doc, carried, this.refused, this.refusedClient);
    if (!rebase.refused) return;
    const subject = subjectOf(this.doc, rebase.refused);
    for (const update of rebase.replay) Y.applyUpdate(this.doc, update, rebaseOrigin);
    const dropped = rebase.dropped.length;
    this.set({ refusedChange: { subject, kept: dropped > 0 ? rebase.replay.length : rebase.replay.length - 1, dropped } });
  }

  /** Tickets are single use: the next attempt needs a new one. */
  private async refreshTicket() {
    try {
      const ticket = await this.ticket();
      if (this.provider) this.provider.params = { ticket: ticket.ticket };
    } catch {
      // Offline or refused: the next close tries again.
    }
  }

  private goOffline = () => {
    this.provider?.disconnect();
    this.set({ link: 'offline', synced: false });
  };

  private goOnline = () => {
    if (!this.provider) {
      void this.connect();
      return;
    }
    void this.refreshTicket().then(() => this.provider?.connect());
  };

  /**
   * The person may no longer read this activity (removed from it, signed out by an admin,
   * its content removed): this device keeps nothing of it. What is on screen stays until
   * they leave it; nothing more is written to the device.
   */
  private async forgetLocalCopy() {
    const local = this.local;
    this.local = null;
    await local?.clearData();
  }

  /** Leaves the activity and deletes this device's copy of it (after a refused change, W8). */
  async discard() {
    this.provider?.destroy();
    this.provider = null;
    await this.local?.clearData();
    this.local = null;
    this.destroy();
  }

  /** Leaves the activity: presence cleared, socket closed, local copy kept. */
  override destroy() {
    this.destroyed = true;
    this.releaseLock();
    this.stopKeeping();
    if (this.retry) clearTimeout(this.retry);
    this.unconfirmed.destroy();
    window.removeEventListener('offline', this.goOffline);
    window.removeEventListener('online', this.goOnline);
    this.awareness.setLocalState(null);
    this.provider?.destroy();
    void this.local?.destroy();
    this.awareness.destroy();
    this.doc.destroy();
    super.destroy();
  }
}
