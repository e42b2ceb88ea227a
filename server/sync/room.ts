import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CloseCode, DeniedReason, refusedReason } from '#core/sync/protocol';
import { refusedIdOf, writeRefusedId } from '#core/sync/refused-change';
import type { Logger } from 'pino';
import type { Database } from '../store/db.ts';
import { AwarenessRefused, readAwareness, writeStamped } from './awareness.ts';
import { judgeDeleteSet, judgeUpdate, type DocumentView, type Refusal as UpdateRefusal, type UpdateLimits } from './judge.ts';
import { deletedAt, deletedIn, deleteSetGrowth, DeleteSetSize, type ClockRange } from './delete-set.ts';
import { judgeContent } from './rules/content.ts';
import { PutBackLedger } from './rules/put-back.ts';
import { PresenceOwners } from './presence.ts';
import { newMentions, type MentionFact } from './mentions.ts';
import { actionFacts, type ActionFact } from './action-facts.ts';
import { changedPaths } from './summary.ts';
import type { Connection } from './connection.ts';
import {
  MalformedFrame,
  readClientMessage,
  writeAwareness,
  writePermissionDenied,
  writeSyncStep1,
  writeSyncStep2,
  writeUpdate,
} from './frames.ts';
import { readDocument, writeSnapshot, type UpdateLog } from './update-log.ts';
import { RoomFenced } from './room-fence.ts';
import { backfillClientOwners } from './client-backfill.ts';
import { upgradeOnLoad } from './room-upgrade.ts';
import { ClientOwners } from './client-owners.ts';
import { RoomFiles } from './room-files.ts';
import { RoomMembers } from './room-members.ts';
import { rejudgePresenting } from './presenting.ts';
import { clientCapReached, describeCapReached } from './client-caps.ts';
import { Refusal } from '../errors.ts';
import { ErrorCode } from '#core/api/errors';
import { may } from '../activities/access.ts';
import { DocumentShares } from './shares.ts';
import { scanUpdate, TooManyEntries, type UpdateFacts } from './update-scan.ts';
import { newPart } from './new-part.ts';
import type { WriteBudget } from './write-budget.ts';

/** What one connection may hold back while its earlier changes are on their way (SPEC U2). */
const maxHeldUpdates = 1024;
const maxHeldBytes = 1024 * 1024;
/** A document is re-encoded to free deleted content at most this often (SPEC U6). */
const compactionGapMs = 10_000;

export interface RoomDeps {
  db: Database;
  log: UpdateLog;
  logger: Logger;
  now: () => Date;
  limits: UpdateLimits & { maxUpdateEntries: number };
  budget: WriteBudget;
  snapshotEvery: number;
  /** What snapshots keep behind them (SPEC D5). */
  keep: { logKeepHours: number; snapshotsKept: number; checkpointEvery: number };
  /** One awareness state's JSON, at most (rule L6). */
  maxAwarenessStateBytes: number;
  /** The room cannot go on (the store refused a write): forget it so the next join reloads. */
  onFailed: (room: Room) => void;
  /** With several relay nodes: this node's epoch for the room, checked by every write (room-fence.ts). */
  epoch?: number;
  /** With several relay nodes: committed updates for the connections other nodes hold (node-link.ts). */
  fanOut?: RoomFanOut;
  /** With several relay nodes: every node's counts of today's writes read, for the room and who joined it, before anything is judged (CLUSTER.md N14). */
  countsRead?: () => Promise<void>;
}

export interface RoomFanOut {
  /** `id` was committed after `prevId` (the room's last logged update before it); `from` sent it. */
  committed(activityId: string, prevId: number, id: number, frame: Uint8Array, from: Connection | null): void;
}

type RoomState = 'loading' | 'ready' | 'failed' | 'closed';

/**
 * One activity's live document. The room is loaded whole from the store before any
 * client syncs (rule R1); frames that arrive meanwhile wait in their connection and are
 * replayed in order. An update is applied, appended to the log, and broadcast only once
 * committed (rule D1); a sync answer that includes uncommitted updates waits for them.
 */
export class Room {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly connections = new Set<Connection>();
  readonly ready: Promise<void>;
  private readonly presence = new PresenceOwners();
  /** Board entries removed here lately, by whom: what they may put back (SPEC W11). */
  private readonly putBacks = new PutBackLedger();
  private state: RoomState = 'loading';
  private uncommitted = 0;
  private lastLoggedId = 0;
  private sinceSnapshot = 0;
  private approxBytes = 0;
  /** Structs in the document: counted at load and snapshot, added to by each update between. */
  private items = 0;
  private archived = false;
  private readonly owners: ClientOwners;
  /** The activity's files: what attachments and page anchors may name (SPEC W13). */
  readonly files: RoomFiles;
  /** The activity's members and their names: whom an entry may name (SPEC W15, an action item's owner). */
  readonly members: RoomMembers;
  private readonly shares: DocumentShares;
  /** The delete set's size, and each person's part of what was added since the load (SPEC U14). */
  private readonly deleteSet = new DeleteSetSize();
  private lastDeleteSetCount = 0;
  /** Who the transaction being applied is counted against (U14). */
  private deleter: string | null = null;
  /** An applied update deleted something: the next commit may call for a compaction. */
  private freed = false;
  private compaction: NodeJS.Timeout | null = null;
  private lastCompaction = 0;
  private snapshotting = false;
  private capturing: Uint8Array[] | null = null;
  private capturingPaths: Set<string> | null = null;
  private capturingMentions: MentionFact[] | null = null;
  private capturingActions: ActionFact[] | null = null;
  /** Bumped by every change to the document: the cached whole-document answer is for one version. */
  private version = 0;
  private wholeAnswer: { version: number; state: Uint8Array; frame: Uint8Array } | null = null;
  /** Presence client IDs changed since the last broadcast (sent once per turn of the loop). */
  private readonly presenceChanged = new Set<number>();
  private presenceFlush: NodeJS.Immediate | null = null;

  constructor(
    readonly id: string,
    private readonly deps: RoomDeps,
  ) {
    this.owners = new ClientOwners(id, deps.db, deps.logger, deps.now);
    this.files = new RoomFiles(deps.db, id);
    this.members = new RoomMembers(deps.db, id);
    this.shares = new DocumentShares(this.owners);
    this.awareness.setLocalState(null);
    this.doc.on('update', (update: Uint8Array) => {
      this.version++;
      this.capturing?.push(update);
    });
    this.doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (this.capturingPaths) for (const path of changedPaths(this.doc, tr)) this.capturingPaths.add(path);
      if (this.capturingMentions) this.capturingMentions.push(...newMentions(this.doc, tr));
      if (this.capturingActions) this.capturingActions.push(...actionFacts(this.doc, tr));
      if (this.deleter !== null) this.deleteSet.deleted(this.deleter, this.doc, deletedIn(tr, this.doc));
    });
    this.awareness.on('update', this.onAwarenessChange);
    this.ready = this.load();
  }

  private async load() {
    const stored = await readDocument(this.deps.db, this.id);
    await this.files.load();
    await this.members.load();
    await this.readStatus();
    Y.transact(this.doc, () => {
      if (stored.snapshot) Y.applyUpdate(this.doc, stored.snapshot);
      for (const u of stored.updates) {
        try {
          Y.applyUpdate(this.doc, u.data);
        } catch (err) {
          this.deps.logger.error({ err, room: this.id, update: u.id }, 'skipped an unreadable stored update');
        }
      }
    });
    // Whose each held client is (W10): owners the store lacks are found in the log first.
    await backfillClientOwners(this.deps.db, this.id, this.doc);
    await this.owners.load();
    this.lastLoggedId = stored.updates.at(-1)?.id ?? stored.snapshotUpto;
    this.sinceSnapshot = stored.updates.length;
    this.approxBytes = (stored.snapshot?.length ?? 0) + stored.updates.reduce((n, u) => n + u.data.length, 0);
    // An older shape brought up to date before anyone syncs (room-upgrade.ts).
    const upgrade = await upgradeOnLoad(this.doc, this.deps.db, this.deps.log, this.id, this.deps.epoch);
    if (upgrade) {
      this.lastLoggedId = Math.max(this.lastLoggedId, upgrade.id);
      this.sinceSnapshot++;
      this.approxBytes += upgrade.bytes;
    }
    this.items = countStructs(this.doc);
    this.shares.recount(this.doc);
    this.countDeleteSet();
    await this.deps.countsRead?.();
    if (this.state === 'loading') this.state = 'ready';
    for (const conn of this.connections) this.greet(conn);
  }

  get isReady() {
    return this.state === 'ready';
  }

  get idle() {
    return this.connections.size === 0 && this.uncommitted === 0;
  }

  get dirty() {
    return this.sinceSnapshot > 0;
  }

  /** With several relay nodes: this node's epoch for the room (room-fence.ts). */
  get epoch() {
    return this.deps.epoch;
  }

  /** The last committed update of the room (its log id): what a node serving its clients has caught up to. */
  get loggedUpto() {
    return this.lastLoggedId;
  }

  join(conn: Connection) {
    this.connections.add(conn);
    if (this.state === 'ready') this.greet(conn);
  }

  /** Opens the conversation: our state vector, then who is here; then early frames. */
  private greet(conn: Connection) {
    conn.send(writeSyncStep1(Y.encodeStateVector(this.doc)));
    const present = [...this.awareness.getStates().keys()];
    if (present.length > 0) conn.send(writeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, present)));
    const early = conn.early.splice(0);
    for (const frame of early) this.receive(conn, frame);
  }

  /** Handles one frame; whatever goes wrong closes this connection alone (rule L2). */
  receive(conn: Connection, frame: Uint8Array) {
    try {
      this.handle(conn, frame);
    } catch (err) {
      this.deps.logger.warn({ err, room: this.id }, 'a frame failed; closing its connection');
      conn.close(CloseCode.malformedFrame, 'the relay could not handle this frame');
    }
  }

  private handle(conn: Connection, frame: Uint8Array) {
    if (conn.closed) return;
    if (this.state !== 'ready') {
      conn.early.push(frame);
      return;
    }
    if (!conn.bucket.take(Date.now())) {
      conn.close(CloseCode.rateLimited, 'too many messages: slow down');
      return;
    }
    let message;
    try {
      message = readClientMessage(frame);
    } catch (err) {
      if (!(err instanceof MalformedFrame)) throw err;
      conn.close(CloseCode.malformedFrame, `malformed frame: ${err.message}`);
      return;
    }
    switch (message.type) {
      case 'sync-step1':
        if (conn.spend(conn.step1Budget, 1, 'sync requests')) this.answerStep1(conn, message.stateVector);
        return;
      case 'sync-update':
        this.acceptUpdate(conn, message.update);
        return;
      case 'awareness':
        this.acceptAwareness(conn, message.update);
        return;
      case 'query-awareness': {
        if (!conn.spend(conn.queryBudget, 1, 'presence queries')) return;
        const present = [...this.awareness.getStates().keys()];
        conn.answer(writeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, present)));
        return;
      }
    }
  }

  /** Rule R2, with D1: an answer holding uncommitted updates waits for them (one at a time). */
  private answerStep1(conn: Connection, stateVector: Uint8Array) {
    if (conn.answerPending) {
      conn.close(CloseCode.rateLimited, 'too many sync requests: wait for the answer');
      return;
    }
    const answer = this.wantsWholeDocument(stateVector)
      ? this.wholeDocumentAnswer()
      : writeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector));
    if (this.uncommitted === 0) return conn.answer(answer);
    conn.answerPending = true;
    void this.deps.log.barrier().then(() => {
      conn.answerPending = false;
      conn.answer(answer);
    });
  }

  /** True when the state vector holds nothing of this document: the answer is all of it. */
  private wantsWholeDocument(stateVector: Uint8Array): boolean {
    for (const [client, clock] of Y.decodeStateVector(stateVector)) {
      if (clock > 0 && this.doc.store.clients.has(client)) return false;
    }
    return true;
  }

  /**
   * The whole document as a sync answer, encoded once per version of the document (R2):
   * joiners, and anyone asking again and again, share one encoding instead of costing
   * a full encode each (127 ms on a 30 MB document).
   */
  private wholeDocumentAnswer(): Uint8Array {
    return this.wholeEncoding().frame;
  }

  private wholeEncoding(): { state: Uint8Array; frame: Uint8Array } {
    if (this.wholeAnswer?.version !== this.version) {
      const update = Y.encodeStateAsUpdate(this.doc);
      const frame = writeSyncStep2(update);
      // The update is the frame's tail: kept once, not twice.
      this.wholeAnswer = { version: this.version, frame, state: frame.subarray(frame.length - update.length) };
    }
    return this.wholeAnswer;
  }

  /** The whole document as one update, shared with the whole-document sync answer (R2). */
  async encodedState(): Promise<Uint8Array> {
    await this.ready;
    if (this.state !== 'ready') throw new Error('the room is not available');
    return this.wholeEncoding().state;
  }

  /**
   * A change made by the relay for a person (a restore, SPEC H3): applied, logged under
   * their name and broadcast to everyone like their own edit. Resolves with its log id
   * once committed, or null when it changed nothing.
   */
  async applyRelayChange(userId: string, update: Uint8Array, options: { system?: boolean } = {}): Promise<number | null> {
    await this.ready;
    if (this.state !== 'ready') throw new Error('the room is not available');
    this.relayChangeWithinCaps(userId, update, options.system === true);
    // An erasure must not be undone by a put-back of what held the name (SPEC W11).
    this.putBacks.forget();
    const effective: Uint8Array[] = [];
    const paths = new Set<string>();
    const mentions: MentionFact[] = [];
    const actions: ActionFact[] = [];
    this.capturing = effective;
    this.capturingPaths = paths;
    this.capturingMentions = mentions;
    this.capturingActions = actions;
    this.deleter = userId;
    try {
      Y.applyUpdate(this.doc, update, 'relay');
    } finally {
      this.deleter = null;
      this.capturing = null;
      this.capturingPaths = null;
      this.capturingMentions = null;
      this.capturingActions = null;
    }
    if (effective.length === 0) return null;
    const data = effective.length === 1 ? effective[0]! : Y.mergeUpdates(effective);
    const facts = scanUpdate(data, Number.MAX_SAFE_INTEGER);
    const claims = this.changed(userId, data, facts, facts.ranges.keys());
    try {
      const [id] = await this.deps.log.append([{ activityId: this.id, userId, data, summary: [...paths], mentions, actions, claims, epoch: this.deps.epoch }]);
      this.owners.stored(claims);
      this.committed(null, data, id ?? 0);
      return id ?? 0;
    } catch (err) {
      this.storeFailed(err);
      throw err;
    }
  }

  /**
   * The relay's change is made in a fresh Yjs client, recorded as the person's (W10): it
   * counts against their caps and the document's like their own (W14, L9). The relay's own
   * jobs (`system`: an erasure, E1) are held to the document's cap alone.
   */
  private relayChangeWithinCaps(userId: string, update: Uint8Array, system: boolean) {
    const fresh = [...Y.decodeStateVector(Y.encodeStateVectorFromUpdate(update)).keys()].filter(
      (client) => this.held(client) === 0 && this.owners.owner(client) === undefined,
    );
    const caps = system ? { ...this.deps.limits.clients, newClientsPerDay: Infinity, maxClientsPerPerson: Infinity } : this.deps.limits.clients;
    const reached = clientCapReached(fresh, this.owners.countsOf(userId), this.doc.store.clients.size, caps);
    if (reached) throw new Refusal(ErrorCode.rateLimited, `Not applied: ${describeCapReached(reached)}.`);
  }

  /** The next clock the document expects from a Yjs client. */
  private readonly held = (client: number) => Y.getState(this.doc.store, client);

  /** An update from a client: judged, then applied, held, or refused (rules U1–U8, U10, W10). */
  private acceptUpdate(conn: Connection, update: Uint8Array) {
    const outcome = this.judgeAndApply(conn, update);
    if (outcome === 'applied') this.retryHeld(conn);
    else if (outcome !== 'refused' && !this.hold(conn, update)) this.refuse(conn, outcome);
  }

  /**
   * Reads the update (update-scan.ts), judges it (judge.ts), and only then applies it.
   * An update that builds on changes not yet received is handed back to the caller.
   */
  private judgeAndApply(conn: Connection, update: Uint8Array): 'applied' | 'refused' | UpdateRefusal {
    let facts: UpdateFacts;
    // Only what is new is read, judged and applied (U13); the update as sent names a refusal (W9).
    let fresh: Uint8Array;
    try {
      ({ update: fresh, facts } = newPart(update, this.deps.limits.maxUpdateEntries, this.held));
    } catch (err) {
      if (!(err instanceof TooManyEntries)) {
        conn.close(CloseCode.malformedFrame, `unusable update: ${err instanceof Error ? err.message : 'error'}`);
        return 'refused';
      }
      const close = { code: CloseCode.documentFull, reason: err.message };
      this.refuse(conn, { rule: 'U3', told: DeniedReason.updateTooLarge, close });
      return 'refused';
    }
    const view: DocumentView = {
      state: this.held,
      owner: (client) => this.owners.owner(client),
      bytes: this.approxBytes,
      items: this.items,
      clients: this.doc.store.clients.size,
      archived: this.archived,
    };
    const sender = {
      id: conn.userId,
      role: conn.role,
      shareBytes: this.shares.of(conn.userId),
      clients: this.owners.countsOf(conn.userId),
      ...this.deps.budget.today(this.id, conn.userId),
    };
    const verdict = judgeUpdate(facts, view, sender, this.deps.limits);
    if (!verdict.accept) {
      if (verdict.refusal.rule === 'U2') return verdict.refusal;
      this.refuse(conn, verdict.refusal, update);
      return 'refused';
    }
    // Held whole (a change sent again on a reconnect, W9): nothing to judge, apply or log (U10).
    if (facts.fresh.structs === 0 && facts.deletesUpTo.size === 0) return 'applied';
    // Who writes what (W1–W8): judged on the document as it is, which stays untouched.
    const now = this.deps.now().getTime();
    const removedBefore = this.putBacks.viewOf(conn.userId, now);
    const content = judgeContent(fresh, this.doc, { id: conn.userId, name: conn.userName, role: conn.role }, removedBefore, this.files, this.members);
    if (!content.allowed && content.rule === 'U11') {
      this.refuse(conn, { rule: 'U11', told: DeniedReason.updateTooLarge, close: { code: CloseCode.documentFull, reason: `U11: ${content.reason}` } });
      return 'refused';
    }
    if (!content.allowed) {
      const told = refusedReason(content.reason, content.rule);
      this.refuse(conn, { rule: content.rule, told, close: { code: CloseCode.changeRefused, reason: `${content.rule}: ${content.reason}` } }, update);
      return 'refused';
    }
    const scattered = this.judgeDeletions(conn, content.leftDeleted);
    if (scattered) {
      this.refuse(conn, scattered, update);
      return 'refused';
    }
    this.apply(conn, fresh, facts, verdict.writes);
    this.putBacks.settle(conn.userId, content.removed, content.putBack, now);
    return 'applied';
  }

  /**
   * What the update would add to the delete set, judged against the document's and the
   * sender's bounds (SPEC U14). Between counts the size is an upper bound: before refusing,
   * it is counted again (at most every 10 s), so what merges gave back is not held against anyone.
   */
  private judgeDeletions(conn: Connection, left: { ranges: Map<number, ClockRange[]>; uncertainBytes: number }): UpdateRefusal | null {
    if (left.ranges.size === 0 && left.uncertainBytes === 0) return null;
    const growth = deleteSetGrowth(left.ranges, (client, clock) => deletedAt(this.doc, client, clock), this.deleteSet.listed) + left.uncertainBytes;
    const judge = () => judgeDeleteSet(growth, { total: this.deleteSet.total, share: this.deleteSet.of(conn.userId) }, conn.role, this.deps.limits);
    let verdict = judge();
    if (verdict && Date.now() - this.lastDeleteSetCount >= compactionGapMs) {
      this.countDeleteSet();
      verdict = judge();
    }
    return verdict && !verdict.accept ? verdict.refusal : null;
  }

  private countDeleteSet() {
    this.deleteSet.recount(this.doc);
    this.lastDeleteSetCount = Date.now();
  }

  /** Holds an update that waits for this connection's earlier changes, within bounds. */
  private hold(conn: Connection, update: Uint8Array): boolean {
    if (conn.held.length >= maxHeldUpdates || conn.heldBytes + update.length > maxHeldBytes) return false;
    conn.held.push(update);
    conn.heldBytes += update.length;
    return true;
  }

  /**
   * Applies held updates whose dependencies have now arrived. A client sends its changes
   * in order, so they are tried oldest first, stopping at the first that still waits.
   */
  private retryHeld(conn: Connection) {
    while (conn.held.length > 0 && !conn.closed) {
      const update = conn.held[0]!;
      const outcome = this.judgeAndApply(conn, update);
      if (outcome !== 'applied' && outcome !== 'refused') return;
      conn.held.shift();
      conn.heldBytes -= update.length;
    }
  }

  private refuse(conn: Connection, refusal: UpdateRefusal, update?: Uint8Array) {
    if (refusal.close === null) {
      // Read-only: dropped, told once per connection (rule V1).
      if (!conn.toldReadOnly) conn.send(writePermissionDenied(refusal.told));
      conn.toldReadOnly = true;
      return;
    }
    conn.send(writePermissionDenied(refusal.told));
    // A 4422's reason names the refused update first (W9): the app leaves out that change and no other.
    const named = refusal.close.code === CloseCode.changeRefused && update ? writeRefusedId(refusedIdOf(update)) : '';
    conn.close(refusal.close.code, `${named}${refusal.close.reason}`);
  }

  /**
   * Applies a judged update, then logs and broadcasts what it changed. Should Yjs still
   * fail part-way or park structs (something the judge did not foresee), what it did
   * integrate is logged and broadcast like any change, so that the room, the log and
   * every client agree (rule D1), the rest is dropped, and the sender is closed.
   */
  private apply(conn: Connection, update: Uint8Array, facts: UpdateFacts, writes: number[]) {
    const effective: Uint8Array[] = [];
    const paths = new Set<string>();
    const mentions: MentionFact[] = [];
    const actions: ActionFact[] = [];
    this.capturing = effective;
    this.capturingPaths = paths;
    this.capturingMentions = mentions;
    this.capturingActions = actions;
    let failure: unknown = null;
    this.deleter = conn.userId;
    try {
      Y.applyUpdate(this.doc, update, conn);
    } catch (err) {
      failure = err;
    } finally {
      this.deleter = null;
      this.capturing = null;
      this.capturingPaths = null;
      this.capturingMentions = null;
      this.capturingActions = null;
    }
    const store = this.doc.store;
    if (failure !== null || store.pendingStructs !== null || store.pendingDs !== null) {
      store.pendingStructs = null;
      store.pendingDs = null;
      this.deps.logger.warn({ err: failure, room: this.id }, 'partly applied update: kept what was integrated');
      conn.close(CloseCode.malformedFrame, 'unusable update: it could not be applied whole');
    }
    if (effective.length === 0) return;
    const data = effective.length === 1 ? effective[0]! : Y.mergeUpdates(effective);
    const claims = this.changed(conn.userId, data, facts, writes);
    this.deps.log.append([{ activityId: this.id, userId: conn.userId, data, summary: [...paths], mentions, actions, claims, epoch: this.deps.epoch }]).then(
      ([id]) => {
        this.owners.stored(claims);
        this.committed(conn, data, id ?? 0);
      },
      (err: unknown) => this.storeFailed(err),
    );
  }

  /**
   * Counts an applied change of `userId` (size, structs, share, quota) and makes the
   * clients whose clocks it took theirs (SPEC W10); returns the claims to store with it.
   */
  private changed(userId: string, data: Uint8Array, facts: UpdateFacts, writes: Iterable<number>): number[] {
    this.approxBytes += data.length;
    this.items += facts.fresh.structs;
    if (facts.fresh.structs > 0) this.shares.added(userId, data.length);
    if (facts.deletesUpTo.size > 0) this.freed = true;
    this.deps.budget.spend(this.id, userId, data.length);
    this.uncommitted++;
    return this.owners.take(userId, writes);
  }

  private committed(from: Connection | null, data: Uint8Array, id: number) {
    this.uncommitted--;
    const prevId = this.lastLoggedId;
    this.lastLoggedId = Math.max(this.lastLoggedId, id);
    this.sinceSnapshot++;
    const frame = writeUpdate(data);
    // Each send checks the peer's backlog (rule L4); peers on other nodes get it from theirs.
    for (const peer of this.connections) if (peer !== from && !peer.remote) peer.send(frame);
    this.deps.fanOut?.committed(this.id, prevId, id, frame, from);
    // Snapshot when the log has grown, at a quiet moment; under sustained typing there
    // may be none, so past twice the interval it is taken anyway (see snapshot()).
    const due = this.sinceSnapshot >= this.deps.snapshotEvery;
    const overdue = this.sinceSnapshot >= 2 * this.deps.snapshotEvery;
    if ((due && this.uncommitted === 0) || overdue) void this.snapshot({ evenWhileWriting: overdue });
    else if (this.freed && this.approxBytes > this.deps.limits.maxDocumentBytes / 2) this.compactSoon();
    this.freed = false;
  }

  /**
   * Re-encodes the document without what was deleted (rule U6), at most every
   * `compactionGapMs`: a fuller document is freed by its deletions without waiting for
   * the next snapshot, and no one can make the relay re-encode it on every keystroke.
   */
  private compactSoon() {
    if (this.compaction) return;
    const wait = Math.max(0, this.lastCompaction + compactionGapMs - Date.now());
    const run = () => {
      this.compaction = null;
      this.lastCompaction = Date.now();
      void this.snapshot({ evenWhileWriting: true });
    };
    if (wait === 0) return run();
    this.compaction = setTimeout(run, wait);
    this.compaction.unref();
  }

  /** Reads whether the activity is archived (read-only on the socket, rule U5). */
  async readStatus() {
    const row = await this.deps.db.get<{ status: string }>('SELECT status FROM activities WHERE id = ?', [this.id]);
    this.archived = row?.status === 'archived';
  }

  /** A role or the activity's files changed: presentations no longer allowed end (rule A5). */
  rejudgePresenting() {
    rejudgePresenting(this.awareness, this.connections, this.files);
  }

  /** The store refused a write: nothing can be promised, so everyone reloads. */
  private storeFailed(err: unknown) {
    this.uncommitted--;
    if (this.state === 'failed') return;
    this.state = 'failed';
    if (err instanceof RoomFenced) {
      // Another node owns the room now: its clients reconnect and find it; nothing unsaved was sent to anyone (D1).
      this.deps.logger.warn({ room: this.id }, 'another relay node took this room; closing it here');
      for (const conn of this.connections) conn.close(CloseCode.serviceRestart, 'this activity moved to another relay node: reconnect');
      this.deps.onFailed(this);
      return;
    }
    this.deps.logger.error({ err, room: this.id }, 'could not store an update; closing the room');
    for (const conn of this.connections) conn.close(1011, 'the relay could not save: reconnect');
    this.deps.onFailed(this);
  }

  /** Rules A1, A3, L5, L6, L8: bounded states, stamped, only for the IDs this connection owns. */
  private acceptAwareness(conn: Connection, update: Uint8Array) {
    if (!conn.spend(conn.awarenessBudget, update.length, 'presence updates')) return;
    if (!conn.spend(conn.personAwarenessBudget, update.length, 'presence updates from you')) return;
    let entries;
    try {
      entries = readAwareness(update, this.deps.maxAwarenessStateBytes);
    } catch (err) {
      conn.close(CloseCode.malformedFrame, err instanceof AwarenessRefused ? err.message : 'malformed awareness update');
      return;
    }
    const allowed = this.presence.admit(conn, entries, (id) => this.awareness.meta.get(id)?.clock);
    if (allowed.length === 0) return;
    // A presence id is its client's document id: shown first, it is this editor's (SPEC W10), within their caps (W14).
    if (may.edit(conn.role)) for (const entry of allowed) if (entry.state !== null) this.claimPresence(conn.userId, entry.clientId);
    const stamped = writeStamped(allowed, { id: conn.userId, name: conn.userName, role: conn.role }, this.files);
    awarenessProtocol.applyAwarenessUpdate(this.awareness, stamped, conn);
  }

  /** A presence id the document never held becomes this person's, unless they took all they may (W14). */
  private claimPresence(userId: string, client: number) {
    if (Y.getState(this.doc.store, client) !== 0 || this.owners.owner(client) !== undefined) return;
    if (clientCapReached([client], this.owners.countsOf(userId), 0, this.deps.limits.clients)) return;
    this.owners.claimPresence(userId, client);
  }

  /**
   * Presence changes are broadcast once per turn of the event loop (rule A4), each client
   * ID once with its latest state: a burst of states read from one socket costs everyone
   * else one frame, not one frame per state.
   */
  private onAwarenessChange = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
    for (const id of [...added, ...updated, ...removed]) this.presenceChanged.add(id);
    if (this.presenceChanged.size > 0 && this.presenceFlush === null) this.presenceFlush = setImmediate(this.flushPresence);
  };

  private flushPresence = () => {
    if (this.presenceFlush !== null) clearImmediate(this.presenceFlush);
    this.presenceFlush = null;
    const changed = [...this.presenceChanged].filter((id) => this.awareness.meta.has(id));
    this.presenceChanged.clear();
    if (changed.length === 0 || this.state === 'closed') return;
    try {
      const frame = writeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
      for (const conn of this.connections) conn.send(frame);
    } catch (err) {
      this.deps.logger.error({ err, room: this.id }, 'could not broadcast presence');
    }
  };

  leave(conn: Connection) {
    if (!this.connections.delete(conn)) return;
    const { removed, forgotten } = this.presence.release(conn);
    if (removed.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, removed, null);
    // The removals go out now, while the clocks they carry are still known.
    if (forgotten.length > 0) this.flushPresence();
    for (const id of forgotten) if (!this.awareness.states.has(id)) this.awareness.meta.delete(id);
  }

  /**
   * Folds the log into a snapshot, normally when nothing is waiting to commit. Taken
   * while updates are still committing, the snapshot may already hold some of them; it
   * still names the last committed update as `upto`, and the load applies those again
   * from the log, which Yjs ignores. So nothing is lost either way.
   */
  async snapshot(options: { evenWhileWriting?: boolean } = {}): Promise<void> {
    if (this.snapshotting || this.sinceSnapshot === 0 || this.state !== 'ready') return;
    if (this.uncommitted > 0 && !options.evenWhileWriting) return;
    this.snapshotting = true;
    const upto = this.lastLoggedId;
    const counted = this.sinceSnapshot;
    // Encoded from the garbage-collected document: deleted content is gone from it, and
    // the document's size, structs and shares are counted again from it at once.
    const data = Y.encodeStateAsUpdate(this.doc);
    this.approxBytes = data.length;
    this.items = countStructs(this.doc);
    this.shares.recount(this.doc);
    this.countDeleteSet();
    const now = this.deps.now();
    const foldBefore = new Date(now.getTime() - this.deps.keep.logKeepHours * 3_600_000);
    try {
      await writeSnapshot(this.deps.db, this.id, {
        uptoId: upto,
        data,
        at: now,
        foldBefore,
        kept: this.deps.keep.snapshotsKept,
        checkpointEvery: this.deps.keep.checkpointEvery,
        epoch: this.deps.epoch,
      });
      this.sinceSnapshot -= counted;
    } catch (err) {
      this.deps.logger.error({ err, room: this.id }, 'could not write a snapshot');
    } finally {
      this.snapshotting = false;
    }
  }

  closeAll(code: CloseCode | 1011, reason: string) {
    for (const conn of this.connections) conn.close(code, reason);
  }

  destroy() {
    this.state = 'closed';
    if (this.compaction) clearTimeout(this.compaction);
    if (this.presenceFlush !== null) clearImmediate(this.presenceFlush);
    this.wholeAnswer = null;
    this.awareness.destroy();
    this.doc.destroy();
  }
}

/** Structs the document holds (items and garbage-collected ranges). */
function countStructs(doc: Y.Doc): number {
  let n = 0;
  for (const structs of doc.store.clients.values()) n += structs.length;
  return n;
}
