import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import { CloseCode, MessageType, SyncStep } from '#core/sync/protocol';
import type { Database } from '../store/db.ts';
import type { Connection } from './connection.ts';
import { writeUpdate } from './frames.ts';
import type { NodeMessage } from './node-messages.ts';
import type { Room } from './room.ts';

/** What the door needs: who owns a room (taking it if nobody alive does), and this node's rooms. */
export interface RoomRouter {
  /** This node's room when it owns it (taken now if nobody alive held it), else the owner's node id. */
  take(activityId: string): Promise<Room | string>;
  join(room: Room, conn: Connection): void;
  leave(room: Room, conn: Connection): void;
}

/** A client's connection on the node that holds its socket. */
interface Door {
  id: number;
  conn: Connection;
  activityId: string;
  state: 'routing' | 'local' | 'remote';
  room: Room | null;
  owner: string | null;
  /** Frames read while the owner is being found: sent on, in order, once it is. */
  waiting: Uint8Array[];
  waitingBytes: number;
  reroutes: number;
  /** The client's last sync step 1: asked again of a new owner, whose answer holds what the client missed (N5). */
  lastStep1: Uint8Array | null;
  /** It was routed before: its room is moving (a new owner), not opening. */
  moved: boolean;
}

/** Per room served through another node: the last committed update its clients here were sent. */
interface Served {
  doors: Set<Door>;
  upto: number | null;
  /** Catching up from the log: what arrives meanwhile waits behind it, in order. */
  chain: Promise<void>;
}

/** What a door may hold while the owner is found, and what a gap may hold before it is read (beyond: the clients reconnect). */
const maxWaitingFrames = 1_000;
const maxWaitingBytes = 4 * 1024 * 1024;
const maxGapRows = 500;
const maxReroutes = 20;

/**
 * The door's side: every client is admitted by whichever node the load balancer picked;
 * its frames go to the room's owner (here or on another node) in the order read, and
 * what the owner says goes back to the socket with this node's back-pressure (L4).
 * Committed updates arrive once per room with their log ids: a gap (a message Redis
 * lost, a new owner after a failover) is filled from the store's log before anything
 * after it, and an update already sent is not sent again.
 */
export class NodeDoor {
  private next = 1;
  private readonly doors = new Map<number, Door>();
  private readonly served = new Map<string, Served>();

  constructor(
    private readonly tell: (node: string, message: NodeMessage) => void,
    private readonly router: RoomRouter,
    private readonly db: Database,
    private readonly log: Logger,
  ) {}

  /** Owners of rooms whose clients are here: their death moves those rooms. */
  get ownerNodes(): Iterable<string> {
    const nodes = new Set<string>();
    for (const door of this.doors.values()) if (door.state === 'remote' && door.owner) nodes.add(door.owner);
    return nodes;
  }

  admit(conn: Connection, socket: WebSocket, activityId: string) {
    const door: Door = { id: this.next++, conn, activityId, state: 'routing', room: null, owner: null, waiting: [], waitingBytes: 0, reroutes: 0, lastStep1: null, moved: false };
    this.doors.set(door.id, door);
    socket.on('message', (data: Buffer, isBinary: boolean) => {
      if (!isBinary) return conn.close(CloseCode.malformedFrame, 'text frames are not part of the protocol');
      this.read(door, new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    });
    socket.on('close', () => {
      conn.closed = true;
      this.doors.delete(door.id);
      this.unserve(door);
      if (door.state === 'local' && door.room) this.router.leave(door.room, conn);
      if (door.state === 'remote' && door.owner) this.tell(door.owner, { type: 'leave', conn: door.id });
    });
    void this.route(door);
  }

  private read(door: Door, frame: Uint8Array) {
    if (frame[0] === MessageType.sync && frame[1] === SyncStep.step1) door.lastStep1 = frame;
    if (door.state === 'local') return door.room!.receive(door.conn, frame);
    if (door.state === 'remote') return this.tell(door.owner!, { type: 'frame', conn: door.id, frame });
    if (door.waiting.length >= maxWaitingFrames || door.waitingBytes + frame.length > maxWaitingBytes) {
      return door.conn.close(CloseCode.rateLimited, 'too many messages: slow down');
    }
    door.waiting.push(frame);
    door.waitingBytes += frame.length;
  }

  /** Finds the room's owner (taking the room if nobody alive holds it), then sends what waited. */
  private async route(door: Door) {
    let found: Room | string;
    try {
      found = await this.router.take(door.activityId);
    } catch (err) {
      this.log.error({ err, room: door.activityId }, 'could not find which relay node owns a room');
      return door.conn.close(1011, 'the relay could not reach this activity: reconnect');
    }
    if (door.conn.closed) return;
    const waiting = door.waiting.splice(0);
    door.waitingBytes = 0;
    // A room that moved: the client's request for what it lacks goes again, after what it sent meanwhile.
    if (door.moved && door.lastStep1) waiting.push(door.lastStep1);
    door.moved = true;
    if (typeof found === 'string') {
      door.state = 'remote';
      door.owner = found;
      this.serve(door);
      const { conn } = door;
      this.tell(found, { type: 'join', conn: door.id, activityId: door.activityId, userId: conn.userId, userName: conn.userName, role: conn.role });
      for (const frame of waiting) this.tell(found, { type: 'frame', conn: door.id, frame });
      return;
    }
    const served = this.served.get(door.activityId);
    this.unserve(door);
    door.state = 'local';
    door.room = found;
    door.owner = null;
    this.router.join(found, door.conn);
    for (const frame of waiting) found.receive(door.conn, frame);
    // Taken over after its owner died: what that owner committed but never sent here is in the log.
    if (served?.upto != null) {
      const from = served.upto;
      void found.ready.then(() => this.catchUp(door.activityId, [door], from, found.loggedUpto)).catch(() => undefined);
    }
  }

  receive(from: string, message: NodeMessage) {
    switch (message.type) {
      case 'send': {
        const door = this.fromOwner(from, message.conn);
        door?.conn.send(message.frame);
        return;
      }
      case 'close': {
        const door = this.fromOwner(from, message.conn);
        if (!door) return;
        // The owner is stopping, or another node took the room: the client stays, its room moves (a rejoin, not a reconnect).
        if (message.code === CloseCode.serviceRestart) return this.reroute(door, true);
        door.state = 'routing';
        door.owner = null;
        door.conn.close(message.code as CloseCode, message.reason);
        return;
      }
      case 'not-owner': {
        const door = this.fromOwner(from, message.conn);
        if (door) this.reroute(door);
        return;
      }
      case 'joined': {
        const door = this.fromOwner(from, message.conn);
        if (door) this.caughtUpTo(door.activityId, message.upto);
        return;
      }
      case 'committed':
        this.committed(from, message);
        return;
    }
  }

  private fromOwner(from: string, id: number): Door | undefined {
    const door = this.doors.get(id);
    return door && door.state === 'remote' && door.owner === from ? door : undefined;
  }

  private reroute(door: Door, afresh = false) {
    door.state = 'routing';
    door.owner = null;
    if (afresh) door.reroutes = 0;
    if (++door.reroutes > maxReroutes) return door.conn.close(1011, 'the relay could not reach this activity: reconnect');
    setTimeout(() => void this.route(door), 50 * Math.min(door.reroutes, 10)).unref();
  }

  /**
   * Clients here of rooms owned by `owner` (null: by any other node) join their room again,
   * found afresh: the owner died (N5: the node that takes each room, maybe this one), or what
   * passed between them may have been lost (N18): the owner greets them and they answer with what it lacks, and its
   * `joined` says how far the log stands, what they were not sent being read from it (N4).
   */
  rejoin(owner: string | null) {
    for (const door of this.doors.values()) {
      if (door.state !== 'remote' || (owner !== null && door.owner !== owner)) continue;
      door.state = 'routing';
      door.owner = null;
      door.reroutes = 0;
      void this.route(door);
    }
  }

  private serve(door: Door) {
    let served = this.served.get(door.activityId);
    if (!served) this.served.set(door.activityId, (served = { doors: new Set(), upto: null, chain: Promise.resolve() }));
    served.doors.add(door);
  }

  private unserve(door: Door) {
    const served = this.served.get(door.activityId);
    if (!served?.doors.delete(door)) return;
    if (served.doors.size === 0) this.served.delete(door.activityId);
  }

  /** The owner says where the room's log stood when a client joined: anything between is read from the log. */
  private caughtUpTo(activityId: string, upto: number) {
    const served = this.served.get(activityId);
    if (!served) return;
    served.chain = served.chain.then(async () => {
      if (served.upto !== null && upto > served.upto) await this.catchUp(activityId, [...served.doors], served.upto, upto);
      served.upto = Math.max(served.upto ?? 0, upto);
    });
  }

  private committed(from: string, m: Extract<NodeMessage, { type: 'committed' }>) {
    const served = this.served.get(m.activityId);
    if (!served) return;
    served.chain = served.chain.then(async () => {
      // From a former owner (its clients here moved on): the log has it, the new owner's `joined` says so.
      if (![...served.doors].some((door) => door.owner === from)) return;
      if (served.upto !== null && m.id <= served.upto) return; // sent already (caught up from the log)
      if (served.upto !== null && m.prevId > served.upto) await this.catchUp(m.activityId, [...served.doors], served.upto, m.prevId);
      for (const door of served.doors) if (door.owner === from && door.id !== m.except) door.conn.send(m.frame);
      served.upto = m.id;
    });
  }

  /**
   * Sends `doors` the room's committed updates after `from` up to `to` from the store's log,
   * in order (a gap in what the owner sent). A gap larger than a few hundred updates is not
   * read: those clients reconnect and sync afresh.
   */
  private async catchUp(activityId: string, doors: Door[], from: number, to: number) {
    try {
      const rows = await this.db.all<{ id: number; data: Uint8Array }>(
        'SELECT id, data FROM doc_updates WHERE activity_id = ? AND id > ? AND id <= ? ORDER BY id LIMIT ?',
        [activityId, from, to, maxGapRows + 1],
      );
      if (rows.length > maxGapRows) throw new Error(`a gap of more than ${maxGapRows} updates`);
      for (const row of rows) {
        if (row.data.length === 0) continue;
        const frame = writeUpdate(row.data);
        for (const door of doors) door.conn.send(frame);
      }
    } catch (err) {
      this.log.warn({ err, room: activityId }, 'could not catch up with a room; its clients here reconnect');
      for (const door of doors) door.conn.close(CloseCode.serviceRestart, 'the relay lost track of this activity: reconnect');
    }
  }

  /** This node is stopping: its clients reconnect (to another node), and their owners forget them. */
  closeAll(code: CloseCode, reason: string) {
    for (const door of [...this.doors.values()]) door.conn.close(code, reason);
  }

  /** Who has a connection held here, wherever its room is, with the name it is judged by. */
  connectedPeople(): Map<string, string> {
    return new Map([...this.doors.values()].map((d) => [d.conn.userId, d.conn.userName]));
  }

  /** A person's connections held here, wherever their rooms are. */
  connectionsOf(userId: string): Connection[] {
    return [...this.doors.values()].filter((d) => d.conn.userId === userId).map((d) => d.conn);
  }
}
