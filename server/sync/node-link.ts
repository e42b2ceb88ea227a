import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import { checkPubSubLimit } from '../cluster/redis-output-limit.ts';
import { RedisBus } from '../cluster/redis-bus.ts';
import { RoomLeases } from '../cluster/redis-lease.ts';
import { SharedLiveCounts, type CapReached, type LiveCaps } from '../cluster/redis-counts.ts';
import { RedisRates } from '../cluster/redis-rates.ts';
import { RedisSignIns } from '../cluster/redis-sign-ins.ts';
import { RedisTallies } from '../cluster/redis-tallies.ts';
import type { RateChange } from '../auth/shared-rates.ts';
import type { Database } from '../store/db.ts';
import type { Connection, ConnectionLimits } from './connection.ts';
import { NodeDoor } from './node-door.ts';
import { ErrorCode } from '#core/api/errors';
import { CloseCode } from '#core/sync/protocol';
import { Refusal } from '../errors.ts';
import { nodeCodec, type NodeMessage, type OwnerAnswer, type OwnerAsk } from './node-messages.ts';
import { NodeOwner } from './node-owner.ts';
import type { TokenBucket } from './rate.ts';
import { claimRoom } from './room-fence.ts';
import type { Room } from './room.ts';

/** What the link needs of this node's hub (hub.ts). */
export interface LocalHub {
  /** Opens this node's room for the activity (loading it), fenced at `epoch`; the same room while it is loaded. */
  open(activityId: string, epoch: number): Room;
  loaded(activityId: string): Room | undefined;
  join(room: Room, conn: Connection): void;
  leave(room: Room, conn: Connection): void;
  presenceBudget(userId: string): TokenBucket;
  accessChanged(activityId: string): Promise<void>;
  filesChanged(activityId: string, change: { added?: readonly string[]; removed?: readonly string[] }): void;
  /** A password was found wrong on another node (the sign-in throttle counts it here too). */
  signInFailed(account: string, address: string): void;
  /** A count another node took in a shared rate window. */
  rateTaken(name: string, key: string, at: number): void;
  /** A count another node took in a shared rate window and gave back. */
  rateGivenBack(name: string, key: string, at: number): void;
  renamed(userId: string, name: string): void;
  disconnectUser(userId: string): void;
  /** Who has a live connection in this node's rooms (clients of other nodes included), with the name it is judged by. */
  connectedPeople(): Map<string, string>;
  /** The relay's own work on a room is done: it unloads once idle, like a room its last client left. */
  settle(room: Room): void;
}

/** Before a drop as seen here, what may have been lost too (in flight, or stamped by another node's clock). */
const lostMarginMs = 60_000;
/** How long a node waits for others to confirm a change their live connections must follow. */
const confirmMs = 5_000;
/** How long a node waits for a room's owner to make the relay's own change to it (a restore, an erasure). */
const ownerAnswerMs = 30_000;

const isErrorCode = (code: string): code is ErrorCode => (Object.values(ErrorCode) as string[]).includes(code);

/** What a room's owner does for the relay, asked here or by another node (CLUSTER.md N9). */
export async function doAsOwner(room: Room, ask: OwnerAsk): Promise<OwnerAnswer> {
  if (ask.kind === 'state') return { kind: 'state', state: await room.encodedState() };
  return { kind: 'changed', id: await room.applyRelayChange(ask.userId, ask.update, { system: ask.system }) };
}

/**
 * Several relay nodes sharing one store and one Redis (CLUSTER.md). Each activity's room
 * lives on one node at a time, its owner (a lease in Redis, fenced in the store), which
 * judges every frame of every client wherever its socket is; any node admits any client
 * and passes its frames on (NodeDoor); the owner serves clients of other nodes (NodeOwner).
 */
export class NodeLink {
  private readonly bus: RedisBus<NodeMessage>;
  private readonly leases: RoomLeases;
  readonly door: NodeDoor;
  private readonly owner: NodeOwner;
  private readonly maxDocumentBytes: number;
  /** A pass judging every room here again (N18), and whether it was asked for again meanwhile. */
  private judging: Promise<void> | null = null;
  private judgeOnceMore = false;
  /** Rooms this node took, with their epoch in the store. */
  private readonly epochs = new Map<string, number>();
  private readonly taking = new Map<string, Promise<Room | string>>();
  private nextRequest = 1;
  private readonly requests = new Map<number, { waiting: Set<string>; done: () => void }>();
  private readonly answers = new Map<number, (answer: OwnerAnswer) => void>();
  private readonly liveCounts: SharedLiveCounts;
  /** Counts every node adds to in Redis, a batch a second (CLUSTER.md N14, N15). */
  readonly tallies: RedisTallies;
  /** The HTTP API's rates, taken atomically over every node (CLUSTER.md N15). */
  readonly rates: RedisRates;
  /** The sign-in throttle's counters, over every node (CLUSTER.md N12). */
  readonly signIns: RedisSignIns;

  constructor(
    url: string,
    private readonly hub: LocalHub,
    private readonly db: Database,
    private readonly now: () => Date,
    limits: ConnectionLimits & LiveCaps & { maxDocumentBytes: number },
    private readonly log: Logger,
  ) {
    this.maxDocumentBytes = limits.maxDocumentBytes;
    this.bus = new RedisBus(url, log, nodeCodec);
    this.leases = new RoomLeases(this.bus.commands, this.bus.nodeId);
    this.liveCounts = new SharedLiveCounts(this.bus.commands, this.bus.nodeId, limits);
    this.tallies = new RedisTallies(this.bus.commands);
    this.rates = new RedisRates(this.bus.commands);
    this.signIns = new RedisSignIns(this.bus.commands);
    const tell = (node: string, message: NodeMessage) => this.bus.send(node, message);
    this.owner = new NodeOwner(tell, { owned: (id) => this.ownedRoom(id), join: hub.join, leave: hub.leave, presenceBudget: hub.presenceBudget }, db, limits, log);
    this.door = new NodeDoor(tell, { take: (id) => this.take(id), join: hub.join, leave: hub.leave }, db, log);
  }

  get nodeId() {
    return this.bus.nodeId;
  }

  /** What commits of this node's rooms are sent to other nodes through. */
  get fanOut() {
    return this.owner;
  }

  async start() {
    this.bus.watch(
      () => [...this.door.ownerNodes, ...this.owner.doorNodes],
      (node) => {
        this.door.rejoin(node);
        this.owner.nodeGone(node);
      },
    );
    this.bus.onLapsed(() => void this.recheckLeases());
    this.bus.onLost((node, since) => this.recover(node, since));
    await this.bus.start((from, messages) => {
      for (const message of messages) this.receive(from, message);
    });
    void checkPubSubLimit(this.bus.commands, this.maxDocumentBytes, this.log);
  }

  /**
   * A place for a live connection admitted here, counted over every live node (SPEC C1–C3,
   * CLUSTER.md N11), or the cap it reached. Redis not answering: the node's own counts,
   * already taken, stand alone meanwhile (a warning says so).
   */
  async admitLive(userId: string, address: string, room: string): Promise<{ release: () => void } | { reached: CapReached }> {
    try {
      return await this.liveCounts.admit(userId, address, room);
    } catch (err) {
      this.log.warn({ err }, 'live connections could not be counted across nodes; this node’s own caps hold');
      return { release: () => undefined };
    }
  }

  admit(conn: Connection, socket: WebSocket, activityId: string) {
    this.door.admit(conn, socket, activityId);
  }

  private ownedRoom(activityId: string): Room | undefined {
    return this.epochs.has(activityId) ? this.hub.loaded(activityId) : undefined;
  }

  /**
   * The room's owner: this node's room if it holds the lease (taken now when nobody alive
   * did: the store's epoch is raised before the room loads, so it loads everything the
   * former owner committed), else the owner's node id.
   */
  take(activityId: string): Promise<Room | string> {
    let taking = this.taking.get(activityId);
    if (!taking) {
      taking = this.takeOnce(activityId).finally(() => this.taking.delete(activityId));
      this.taking.set(activityId, taking);
    }
    return taking;
  }

  private async takeOnce(activityId: string): Promise<Room | string> {
    const mine = this.ownedRoom(activityId);
    if (mine) return mine;
    const owner = await this.leases.acquire(activityId);
    if (owner !== this.bus.nodeId) return owner;
    const epoch = await claimRoom(this.db, activityId, owner, this.now());
    this.epochs.set(activityId, epoch);
    return this.hub.open(activityId, epoch);
  }

  /** The room was unloaded here (idle, failed, fenced): its lease goes back. */
  async released(activityId: string, epoch: number | undefined): Promise<void> {
    if (epoch === undefined || this.epochs.get(activityId) !== epoch) return;
    this.epochs.delete(activityId);
    await this.leases.release(activityId).catch((err: unknown) => this.log.warn({ err, room: activityId }, 'could not give a room’s lease back'));
  }

  /** This node was taken for dead a while: rooms whose lease another node took are closed here (their clients rejoin). */
  private async recheckLeases() {
    for (const activityId of [...this.epochs.keys()]) {
      const owner = await this.leases.owner(activityId).catch(() => null);
      if (owner === this.bus.nodeId) continue;
      this.epochs.delete(activityId);
      this.hub.loaded(activityId)?.closeAll(1012, 'this activity moved to another relay node: reconnect');
    }
  }

  /**
   * Messages between this node and `node` (null: any node) may have been lost since `since`
   * (N18): this node's clients of rooms there join them again, the other node's clients of
   * rooms here likewise (asked by `rejoin`), and, when what others told this node was lost,
   * its rooms judge their members again, the people connected here whose sessions ended
   * meanwhile are signed out here and those renamed judged by their new name (a membership
   * change, a sign-out or a rename may be among it).
   */
  private recover(node: string | null, since: number) {
    this.door.rejoin(node);
    if (node === null) this.bus.broadcast({ type: 'rejoin' });
    else this.bus.send(node, { type: 'rejoin' });
    if (node !== null) return;
    void this.judgeRoomsAgain();
    void this.followPeopleSince(since - lostMarginMs);
  }

  /**
   * People connected here whose sessions ended since `since` are signed out here, and those
   * renamed are judged by their new name (W1), as if told (V3, N7).
   */
  private async followPeopleSince(since: number) {
    const known = new Map([...this.hub.connectedPeople(), ...this.door.connectedPeople()]);
    const people = [...known.keys()];
    try {
      for (let i = 0; i < people.length; i += 500) {
        const some = people.slice(i, i + 500);
        const marks = some.map(() => '?').join(', ');
        const ended = await this.db.all<{ user_id: string }>(`SELECT DISTINCT user_id FROM sessions WHERE user_id IN (${marks}) AND revoked_at >= ?`, [
          ...some,
          new Date(since).toISOString(),
        ]);
        for (const { user_id } of ended) this.signedOutHere(user_id);
        const names = await this.db.all<{ id: string; name: string }>(`SELECT id, name FROM users WHERE id IN (${marks})`, some);
        for (const { id, name } of names) if (known.get(id) !== name) this.renamedHere(id, name);
      }
    } catch (err) {
      this.log.warn({ err }, 'could not read who signed out or was renamed while messages from other nodes were lost');
    }
  }

  private renamedHere(userId: string, name: string) {
    this.hub.renamed(userId, name);
    for (const conn of this.door.connectionsOf(userId)) conn.userName = name;
  }

  private signedOutHere(userId: string) {
    this.hub.disconnectUser(userId);
    for (const conn of this.door.connectionsOf(userId)) conn.close(CloseCode.signedOut, 'signed out: sign in again');
  }

  /**
   * Every room this node owns judges its connections' access again, one after the other; asked
   * again meanwhile (every node recovering from one Redis restart asks each other), once more
   * after this pass, not once per asker.
   */
  private judgeRoomsAgain(): Promise<void> {
    if (this.judging) {
      this.judgeOnceMore = true;
      return this.judging;
    }
    this.judging = (async () => {
      do {
        this.judgeOnceMore = false;
        for (const activityId of [...this.epochs.keys()]) {
          await this.hub.accessChanged(activityId).catch((err: unknown) => this.log.warn({ err, room: activityId }, 'could not judge a room’s members again'));
        }
      } while (this.judgeOnceMore);
    })().finally(() => (this.judging = null));
    return this.judging;
  }

  private receive(from: string, message: NodeMessage) {
    switch (message.type) {
      case 'rejoin':
        this.door.rejoin(from);
        return void this.judgeRoomsAgain();
      case 'join':
      case 'frame':
      case 'leave':
        return this.owner.receive(from, message);
      case 'joined':
      case 'not-owner':
      case 'send':
      case 'close':
      case 'committed':
        return this.door.receive(from, message);
      case 'access-changed':
        return void this.hub.accessChanged(message.activityId).finally(() => this.bus.send(from, { type: 'done', request: message.request }));
      case 'sign-in-failed':
        return this.hub.signInFailed(message.account, message.address);
      case 'rate-taken':
        return this.hub.rateTaken(message.name, message.key, message.at);
      case 'rate-given-back':
        return this.hub.rateGivenBack(message.name, message.key, message.at);
      case 'files-changed':
        this.hub.filesChanged(message.activityId, { added: message.added, removed: message.removed });
        return this.bus.send(from, { type: 'done', request: message.request });
      case 'renamed':
        this.renamedHere(message.userId, message.name);
        return this.bus.send(from, { type: 'done', request: message.request });
      case 'signed-out':
        this.signedOutHere(message.userId);
        return this.bus.send(from, { type: 'done', request: message.request });
      case 'done': {
        const request = this.requests.get(message.request);
        request?.waiting.delete(from);
        if (request?.waiting.size === 0) request.done();
        return;
      }
      case 'state-ask':
        return void this.answerAsOwner(from, message.request, message.activityId, { kind: 'state' });
      case 'change-ask':
        return void this.answerAsOwner(from, message.request, message.activityId, { kind: 'change', userId: message.userId, update: message.update, system: message.system });
      case 'answer':
        return this.answers.get(message.request)?.(message.answer);
    }
  }

  /** As a room's owner, does what another node asked of it and answers: the result, `not-owner`, or the refusal. */
  private async answerAsOwner(from: string, request: number, activityId: string, ask: OwnerAsk) {
    const room = this.ownedRoom(activityId);
    let answer: OwnerAnswer = { kind: 'not-owner' };
    if (room) {
      try {
        answer = await doAsOwner(room, ask);
      } catch (err) {
        if (!(err instanceof Refusal)) this.log.error({ err, room: activityId }, 'a change asked by another relay node failed');
        answer = err instanceof Refusal ? { kind: 'refused', code: err.code, message: err.message } : { kind: 'refused', code: ErrorCode.busy, message: 'The relay could not make this change: try again in a moment.' };
      } finally {
        this.hub.settle(room);
      }
    }
    this.bus.send(from, { type: 'answer', request, answer });
  }

  /**
   * The relay's own change to a live document, or its state, asked of the room's owner
   * `owner` (CLUSTER.md N9): what the owner answered, or 503 when it did not in time.
   */
  askOwner(owner: string, activityId: string, ask: OwnerAsk): Promise<OwnerAnswer> {
    const request = this.nextRequest++;
    return new Promise<OwnerAnswer>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.answers.delete(request);
        reject(new Refusal(ErrorCode.busy, 'The relay node holding this activity did not answer in time: try again in a moment.'));
      }, ownerAnswerMs);
      timer.unref();
      this.answers.set(request, (answer) => {
        clearTimeout(timer);
        this.answers.delete(request);
        resolve(answer);
      });
      this.bus.send(
        owner,
        ask.kind === 'state'
          ? { type: 'state-ask', request, activityId }
          : { type: 'change-ask', request, activityId, userId: ask.userId, update: ask.update, system: ask.system },
      );
    });
  }

  /** An owner's refusal as this node's own. */
  static refusalOf(answer: Extract<OwnerAnswer, { kind: 'refused' }>): Refusal {
    return new Refusal(isErrorCode(answer.code) ? answer.code : ErrorCode.busy, answer.message);
  }

  /** Sends `make(request)` to `nodes` and resolves once each confirmed (or `confirmMs` passed). */
  private ask(nodes: string[], make: (request: number) => NodeMessage): Promise<void> {
    const others = nodes.filter((n) => n !== this.bus.nodeId);
    if (others.length === 0) return Promise.resolve();
    const request = this.nextRequest++;
    return new Promise<void>((resolve) => {
      const waiting = new Set(others);
      const timer = setTimeout(() => {
        this.requests.delete(request);
        this.log.warn({ waiting: [...waiting] }, 'relay nodes did not confirm a change in time');
        resolve();
      }, confirmMs);
      timer.unref();
      this.requests.set(request, {
        waiting,
        done: () => {
          clearTimeout(timer);
          this.requests.delete(request);
          resolve();
        },
      });
      const message = make(request);
      for (const node of others) this.bus.send(node, message);
    });
  }

  /** Membership changed: the room's owner judges its connections again, wherever they are (V2). */
  async accessChanged(activityId: string): Promise<void> {
    const owner = await this.leases.owner(activityId);
    if (owner === null || owner === this.bus.nodeId) return this.hub.accessChanged(activityId);
    await this.ask([owner], (request) => ({ type: 'access-changed', request, activityId }));
  }

  /** Files were attached or removed: the room's owner judges references to them from now on (W13, CLUSTER.md N10). */
  async filesChanged(activityId: string, change: { added?: readonly string[]; removed?: readonly string[] }): Promise<void> {
    const owner = await this.leases.owner(activityId);
    if (owner === null || owner === this.bus.nodeId) return this.hub.filesChanged(activityId, change);
    const added = [...(change.added ?? [])];
    const removed = [...(change.removed ?? [])];
    await this.ask([owner], (request) => ({ type: 'files-changed', request, activityId, added, removed }));
  }

  /** A password was found wrong here: every other node's throttle counts it too (CLUSTER.md N12). */
  signInFailed(account: string, address: string): void {
    this.bus.broadcast({ type: 'sign-in-failed', account, address });
  }

  /** A count taken (or given back) here in a shared rate window: every other node counts it too (CLUSTER.md N13). */
  rateChanged(name: string, key: string, at: number, change: RateChange): void {
    this.bus.broadcast({ type: change === 'taken' ? 'rate-taken' : 'rate-given-back', name, key, at });
  }

  async renamed(userId: string, name: string): Promise<void> {
    this.renamedHere(userId, name);
    await this.ask(await this.bus.liveNodes(), (request) => ({ type: 'renamed', request, userId, name }));
  }

  async signedOut(userId: string): Promise<void> {
    this.signedOutHere(userId);
    await this.ask(await this.bus.liveNodes(), (request) => ({ type: 'signed-out', request, userId }));
  }

  async stop() {
    await this.bus.stop();
  }
}
