import { documentClientsFor } from './client-caps.ts';
import type { WebSocket } from 'ws';
import type { ActivityRole } from '#core/api/activities';
import { CloseCode } from '#core/sync/protocol';
import { effectiveRole } from '../activities/access.ts';
import type { Context } from '../context.ts';
import { Connection } from './connection.ts';
import { LiveCounts, refusalOf, type AdmissionRefusal } from './live-counts.ts';
import { PersonPresence } from './person-presence.ts';
import { Room } from './room.ts';
import type { DiskWatch } from '../store/disk-watch.ts';
import { UpdateLog } from './update-log.ts';
import { WriteBudget } from './write-budget.ts';
import { NodeLink, doAsOwner } from './node-link.ts';
import type { OwnerAnswer, OwnerAsk } from './node-messages.ts';
import { Refusal } from '../errors.ts';
import type { RedisRates } from '../cluster/redis-rates.ts';
import type { RedisSignIns } from '../cluster/redis-sign-ins.ts';
import type { RateChange } from '../auth/shared-rates.ts';
import { ErrorCode } from '#core/api/errors';

/**
 * All live rooms. Loads a room on first use, unloads it when it has been idle for a
 * while (rule R3), re-judges connections when access changes (rule V2), and drains
 * everything to the store on shutdown (rule D3).
 */
export class SyncHub {
  readonly log: UpdateLog;
  readonly budget: WriteBudget;
  /** Live connections per person, per address, and rooms per person (rules C1–C3). */
  readonly counts: LiveCounts;
  private readonly rooms = new Map<string, Room>();
  private readonly idleTimers = new Map<string, NodeJS.Timeout>();
  /** Each person's awareness budget (L8), across their connections and reconnects. */
  private readonly presence: PersonPresence;
  /** Activities whose content was removed while this relay ran (retention): never loaded again. */
  private readonly gone = new Set<string>();
  private draining = false;
  /** With several relay nodes (CONCLAVE_REDIS_URL): who owns which room, and the way to the others (node-link.ts). */
  private readonly link: NodeLink | null;
  /** With several nodes: counts shared every second (CLUSTER.md N14, N16), and sooner when someone joins a room here. */
  private sharing: NodeJS.Timeout | null = null;
  private shareSoon: NodeJS.Immediate | null = null;
  /** Rooms joined and people who joined them since `shareSoon` was set. */
  private readonly joinedRooms = new Set<string>();
  private readonly joinedPeople = new Set<string>();

  constructor(
    private readonly ctx: Context,
    disk: DiskWatch,
  ) {
    this.log = new UpdateLog(ctx.db, ctx.now, () => ctx.events.noticesPending());
    this.budget = new WriteBudget(ctx.now, disk);
    this.counts = new LiveCounts(ctx.config.sync);
    this.presence = new PersonPresence(ctx.config.sync.awarenessBytesPerSecond);
    this.link = ctx.config.redisUrl === null ? null : this.linkNodes(ctx.config.redisUrl);
  }

  private linkNodes(url: string) {
    return new NodeLink(
      url,
      {
        open: (activityId, epoch) => {
          if (this.draining) throw new Error('the relay is restarting');
          return this.roomFor(activityId, epoch);
        },
        // A draining node takes no one in: clients of other nodes find the next owner.
        loaded: (activityId) => (this.draining ? undefined : this.rooms.get(activityId)),
        join: (room, conn) => this.join(room, conn),
        leave: (room, conn) => this.leave(room, conn),
        presenceBudget: (userId) => this.presence.budget(userId),
        accessChanged: (activityId) => this.accessChangedHere(activityId),
        filesChanged: (activityId, change) => this.filesChangedHere(activityId, change),
        signInFailed: (account, address) => this.ctx.passwordGuesses.failedElsewhere(account, address),
        rateTaken: (name, key, at) => this.ctx.rates.takenElsewhere(name, key, at),
        rateGivenBack: (name, key, at) => this.ctx.rates.givenBackElsewhere(name, key, at),
        renamed: (userId, name) => this.renamedHere(userId, name),
        disconnectUser: (userId) => this.disconnectUserHere(userId),
        connectedPeople: () => this.connectedPeople(),
        settle: (room) => this.settle(room),
      },
      this.ctx.db,
      this.ctx.now,
      this.ctx.config.sync,
      this.ctx.log,
    );
  }

  /** Reads back today's writes (the quotas survive a restart); joins the other relay nodes. */
  async start() {
    await this.budget.load(this.ctx.db, this.ctx.log);
    if (!this.link) return;
    await this.link.start();
    this.budget.share(this.link.tallies, this.ctx.log);
    this.presence.share(this.link.tallies, this.ctx.log);
    this.sharing = setInterval(() => void this.shareCounts(), shareEveryMs);
    this.sharing.unref();
  }

  /** Sends this node's counts to the others' and reads theirs back, for the people and activities here. */
  private async shareCounts(): Promise<void> {
    await Promise.all([this.budget.exchange(this.rooms.values()), this.presence.exchange(this.rooms.values())]);
  }

  /**
   * Reads every node's counts of `rooms` and `people` not read at the last exchange (they
   * joined here): one short read each, not an exchange of every id this node watches.
   */
  private async readNew(rooms: Iterable<string>, people: Iterable<string>): Promise<void> {
    const who = [...people];
    await Promise.all([this.budget.readNew(rooms, who), this.presence.readNew(who)]);
  }

  /** With several nodes: where the HTTP API's rates and the sign-in throttle count over all of them (CLUSTER.md N12, N13, N15). */
  get sharedCounts(): { rates: RedisRates; signIns: RedisSignIns } | null {
    return this.link ? { rates: this.link.rates, signIns: this.link.signIns } : null;
  }

  get loadedRooms(): number {
    return this.rooms.size;
  }

  get isDraining(): boolean {
    return this.draining;
  }

  private roomFor(activityId: string, epoch?: number): Room {
    if (this.gone.has(activityId)) throw new Error('this activity’s content was removed');
    let room = this.rooms.get(activityId);
    if (!room) {
      const created = new Room(activityId, {
        db: this.ctx.db,
        log: this.log,
        logger: this.ctx.log,
        now: this.ctx.now,
        limits: updateLimits(this.ctx.config.sync),
        budget: this.budget,
        snapshotEvery: this.ctx.config.sync.snapshotEvery,
        keep: {
          logKeepHours: this.ctx.config.sync.logKeepHours,
          snapshotsKept: this.ctx.config.sync.snapshotsKept,
          checkpointEvery: this.ctx.config.sync.checkpointEvery,
        },
        maxAwarenessStateBytes: this.ctx.config.sync.maxAwarenessStateBytes,
        onFailed: (failed) => this.forget(failed),
        ...(this.link ? { epoch, fanOut: this.link.fanOut, countsRead: (): Promise<void> => this.readNew([activityId], [...created.connections].map((c) => c.userId)) } : {}),
      });
      created.ready.catch((err: unknown) => {
        this.ctx.log.error({ err, room: activityId }, 'could not load a document');
        created.closeAll(1011, 'the relay could not load this activity');
        this.forget(created);
      });
      this.rooms.set(activityId, created);
      room = created;
    }
    const timer = this.idleTimers.get(activityId);
    if (timer) clearTimeout(timer);
    this.idleTimers.delete(activityId);
    return room;
  }

  /**
   * The live document's state, for the relay's own changes (a restore): its room is
   * loaded if nobody has it open, and unloaded again when idle.
   */
  async documentState(activityId: string): Promise<Uint8Array> {
    const answer = await this.onOwner(activityId, { kind: 'state' });
    if (answer.kind !== 'state') throw new Refusal(ErrorCode.busy, 'This activity is moving between relay nodes: try again in a moment.');
    return answer.state;
  }

  /** Applies a change the relay makes for `userId` (SPEC H3): logged as theirs, sent to everyone. */
  async applyChange(activityId: string, userId: string, update: Uint8Array, options: { system?: boolean } = {}): Promise<number | null> {
    if (this.draining) throw new Error('the relay is restarting');
    const answer = await this.onOwner(activityId, { kind: 'change', userId, update, system: options.system === true });
    if (answer.kind !== 'changed') throw new Refusal(ErrorCode.busy, 'This activity is moving between relay nodes: try again in a moment.');
    return answer.id;
  }

  /**
   * The relay's own work on a live document, done by the room's owner: here when this node
   * has it (or takes it, nobody alive having it), else asked of the owner node (CLUSTER.md
   * N9), once more if the room moved meanwhile. A refusal there is a refusal here.
   */
  private async onOwner(activityId: string, ask: OwnerAsk): Promise<OwnerAnswer> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const found = this.link ? await this.link.take(activityId) : this.roomFor(activityId);
      if (typeof found !== 'string') {
        try {
          return await doAsOwner(found, ask);
        } finally {
          this.settle(found);
        }
      }
      const answer = await this.link!.askOwner(found, activityId, ask);
      if (answer.kind === 'refused') throw NodeLink.refusalOf(answer);
      if (answer.kind !== 'not-owner') return answer;
    }
    throw new Refusal(ErrorCode.busy, 'This activity is moving between relay nodes: try again in a moment.');
  }

  private join(room: Room, conn: Connection) {
    const timer = this.idleTimers.get(room.id);
    if (timer) clearTimeout(timer);
    this.idleTimers.delete(room.id);
    room.join(conn);
    // What the newcomer wrote on other nodes counts here before the next second's exchange.
    if (!this.link) return;
    this.joinedRooms.add(room.id);
    this.joinedPeople.add(conn.userId);
    this.shareSoon ??= setImmediate(() => {
      this.shareSoon = null;
      const rooms = [...this.joinedRooms];
      const people = [...this.joinedPeople];
      this.joinedRooms.clear();
      this.joinedPeople.clear();
      void this.readNew(rooms, people);
    });
  }

  private leave(room: Room, conn: Connection) {
    room.leave(conn);
    if (room.connections.size === 0) this.scheduleUnload(room);
  }

  /**
   * A place for a live connection (SPEC C1–C3): this node's counts, taken at once (before
   * any await: upgrades racing here cannot all pass), then with several nodes the counts
   * over all of them (CLUSTER.md N11). The refusal says which cap was reached.
   */
  async admit(userId: string, address: string, room: string): Promise<{ release: () => void } | { refusal: AdmissionRefusal }> {
    const place = this.counts.admit(userId, address, room);
    if ('refusal' in place || !this.link) return place;
    const shared = await this.link.admitLive(userId, address, room);
    if ('reached' in shared) {
      place.release();
      return { refusal: refusalOf(shared.reached, this.ctx.config.sync) };
    }
    return {
      release: () => {
        place.release();
        shared.release();
      },
    };
  }

  /** Takes an admitted WebSocket into its room (with several nodes, wherever the room's owner is). */
  accept(socket: WebSocket, who: { userId: string; userName: string; role: ActivityRole }, activityId: string) {
    if (this.gone.has(activityId)) {
      socket.close(CloseCode.contentRemoved, 'content-removed: this activity’s content was removed');
      return null;
    }
    const conn = new Connection(socket, who.userId, who.userName, who.role, this.ctx.config.sync, this.presence.budget(who.userId));
    if (this.link) {
      this.link.admit(conn, socket, activityId);
      return conn;
    }
    const room = this.roomFor(activityId);
    room.join(conn);
    socket.on('message', (data: Buffer, isBinary: boolean) => {
      if (!isBinary) {
        conn.close(CloseCode.malformedFrame, 'text frames are not part of the protocol');
        return;
      }
      room.receive(conn, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    });
    socket.on('close', () => {
      conn.closed = true;
      room.leave(conn);
      if (room.connections.size === 0) this.scheduleUnload(room);
    });
    socket.on('error', (err) => this.ctx.log.warn({ err, room: activityId }, 'socket error'));
    return conn;
  }

  /** The relay's own work on a room is done: it unloads once idle, like a room its last client left. */
  private settle(room: Room) {
    if (room.connections.size === 0) this.scheduleUnload(room);
  }

  private scheduleUnload(room: Room) {
    if (this.draining || this.rooms.get(room.id) !== room) return;
    const previous = this.idleTimers.get(room.id);
    if (previous) clearTimeout(previous);
    const timer = setTimeout(() => void this.unload(room), this.ctx.config.sync.idleUnloadMs);
    timer.unref();
    this.idleTimers.set(room.id, timer);
  }

  private async unload(room: Room) {
    this.idleTimers.delete(room.id);
    if (!room.idle || this.rooms.get(room.id) !== room) return;
    this.rooms.delete(room.id);
    await room.snapshot();
    room.destroy();
    void this.link?.released(room.id, room.epoch);
  }

  private forget(room: Room) {
    if (this.rooms.get(room.id) === room) this.rooms.delete(room.id);
    room.destroy();
    void this.link?.released(room.id, room.epoch);
  }

  /**
   * Retention removes the activity's content: no room is loaded for it again, everyone
   * connected is closed with `reason`, what was accepted is committed (the removal deletes
   * it after), and the room goes without a snapshot, so nothing writes the content back.
   */
  async closeForGood(activityId: string, reason: string) {
    this.gone.add(activityId);
    const timer = this.idleTimers.get(activityId);
    if (timer) clearTimeout(timer);
    this.idleTimers.delete(activityId);
    const room = this.rooms.get(activityId);
    if (!room) return;
    this.rooms.delete(activityId);
    room.closeAll(CloseCode.contentRemoved, reason);
    await this.log.barrier();
    room.destroy();
  }

  /** Membership changed: cut off who lost access, make read-only who became a viewer (V2), on whichever node owns the room. */
  async accessChanged(activityId: string) {
    if (this.link) return this.link.accessChanged(activityId);
    return this.accessChangedHere(activityId);
  }

  private async accessChangedHere(activityId: string) {
    const room = this.rooms.get(activityId);
    if (!room) return;
    await room.readStatus();
    await room.members.load();
    for (const conn of [...room.connections]) {
      const role = await effectiveRole(this.ctx.db, activityId, conn.userId);
      if (role === null) conn.close(CloseCode.accessRevoked, 'you are no longer a member of this activity');
      else {
        conn.role = role;
        conn.toldReadOnly = false;
      }
    }
    room.rejudgePresenting();
  }

  /**
   * Files were attached to an activity or removed from it: its live room judges references
   * to them accordingly (SPEC W13), on whichever node owns it (CLUSTER.md N10). A room not
   * loaded reads them when it loads. Resolves once the room knows.
   */
  async filesChanged(activityId: string, change: { added?: readonly string[]; removed?: readonly string[] }): Promise<void> {
    if (this.link) return this.link.filesChanged(activityId, change);
    this.filesChangedHere(activityId, change);
  }

  private filesChangedHere(activityId: string, change: { added?: readonly string[]; removed?: readonly string[] }) {
    const room = this.rooms.get(activityId);
    if (!room) return;
    if (change.added) room.files.added(change.added);
    if (change.removed) {
      room.files.removed(change.removed);
      room.rejudgePresenting();
    }
  }

  /** A count was taken (or given back) here in a shared rate window: with several nodes, each of them counts it (CLUSTER.md N13). */
  rateChanged(name: string, key: string, at: number, change: RateChange) {
    this.link?.rateChanged(name, key, at, change);
  }

  /** A password was found wrong here: with several nodes, each of them counts it (CLUSTER.md N12). */
  signInFailed(account: string, address: string) {
    this.link?.signInFailed(account, address);
  }

  /** A person was renamed: the rules judge their live connections' writes by the new name (SPEC W1), on every node. */
  renamed(userId: string, name: string): Promise<void> | void {
    if (this.link) return this.link.renamed(userId, name);
    this.renamedHere(userId, name);
  }

  private renamedHere(userId: string, name: string) {
    for (const conn of this.connectionsOf(userId)) conn.userName = name;
    for (const room of this.rooms.values()) room.members.renamed(userId, name);
  }

  /** Closes every live connection of a person (their sessions were revoked), on every node. */
  disconnectUser(userId: string): Promise<void> | void {
    if (this.link) return this.link.signedOut(userId);
    this.disconnectUserHere(userId);
  }

  private disconnectUserHere(userId: string) {
    for (const conn of this.connectionsOf(userId)) conn.close(CloseCode.signedOut, 'signed out: sign in again');
  }

  /** Who has a live connection in a room here, with the name it is judged by. */
  private connectedPeople(): Map<string, string> {
    const people = new Map<string, string>();
    for (const room of this.rooms.values()) for (const conn of room.connections) people.set(conn.userId, conn.userName);
    return people;
  }

  /** A person's live connections in every room, taken before any is closed. */
  private connectionsOf(userId: string) {
    const found = [];
    for (const room of this.rooms.values()) {
      for (const conn of room.connections) if (conn.userId === userId) found.push(conn);
    }
    return found;
  }

  /** Stops taking edits, commits what was accepted, snapshots, and closes every room. */
  async drain() {
    this.draining = true;
    for (const timer of this.idleTimers.values()) clearTimeout(timer);
    this.idleTimers.clear();
    // Clients of this node reconnect (to another); those of other nodes stay, their rooms move (1012).
    this.link?.door.closeAll(CloseCode.serviceRestart, 'the relay is restarting');
    for (const room of this.rooms.values()) room.closeAll(CloseCode.serviceRestart, 'the relay is restarting');
    await this.log.barrier();
    for (const room of this.rooms.values()) {
      await room.snapshot();
      room.destroy();
      await this.link?.released(room.id, room.epoch);
    }
    this.rooms.clear();
    if (this.sharing) clearInterval(this.sharing);
    if (this.shareSoon) clearImmediate(this.shareSoon);
    // What this node counted since the last exchange is not lost with it.
    if (this.link) await this.shareCounts();
    await this.link?.stop();
  }
}

/** How often a node adds its counts to every node's in Redis and reads them back (CLUSTER.md N14, N15). */
const shareEveryMs = 1_000;

function updateLimits(sync: Context['config']['sync']) {
  return {
    maxUpdateEntries: sync.maxUpdateEntries,
    maxDocumentBytes: sync.maxDocumentBytes,
    maxDocumentItems: sync.maxDocumentItems,
    maxShareBytes: Math.floor((sync.maxDocumentBytes * sync.maxSharePercent) / 100),
    personBytesPerDay: sync.personBytesPerDay,
    activityBytesPerDay: sync.activityBytesPerDay,
    clients: {
      newClientsPerDay: sync.newClientsPerDay,
      maxClientsPerPerson: sync.maxClientsPerPerson,
      maxDocumentClients: documentClientsFor(sync.maxFrameBytes),
    },
    maxDeleteSetBytes: Math.floor(sync.maxFrameBytes / 2),
    maxDeleteSetShareBytes: Math.floor((sync.maxFrameBytes / 2) * sync.maxSharePercent / 100),
  };
}
