import type { Logger } from 'pino';
import { CloseCode } from '#core/sync/protocol';
import { effectiveRole } from '../activities/access.ts';
import type { Database } from '../store/db.ts';
import { Connection, type ConnectionLimits } from './connection.ts';
import type { NodeMessage } from './node-messages.ts';
import { RemoteSocket } from './remote-socket.ts';
import type { Room, RoomFanOut } from './room.ts';
import type { TokenBucket } from './rate.ts';

/** What the owner side needs of this node's rooms (hub.ts). */
export interface OwnedRooms {
  /** This node's loaded room for the activity, if it owns it. */
  owned(activityId: string): Room | undefined;
  join(room: Room, conn: Connection): void;
  leave(room: Room, conn: Connection): void;
  presenceBudget(userId: string): TokenBucket;
}

interface Remote {
  node: string;
  id: number;
  conn: Connection;
  socket: RemoteSocket;
  room: Room;
  /** Joined to the room: until then its frames wait in the connection (R1). */
  joined: boolean;
}

const key = (node: string, id: number) => `${node}/${id}`;

/**
 * The owner's side of the rooms it holds for clients on other nodes: each such client is a
 * Connection here like a local one (its frames judged by the same room, in order), with a
 * RemoteSocket in place of its WebSocket. Committed updates go once to each node that has
 * clients in the room, with their log ids (D1 holds: only committed updates leave).
 */
export class NodeOwner implements RoomFanOut {
  private readonly remotes = new Map<string, Remote>();
  private readonly ofConnection = new WeakMap<Connection, Remote>();
  /** Per room: how many of its connections each other node holds. */
  private readonly doors = new Map<string, Map<string, number>>();

  constructor(
    private readonly tell: (node: string, message: NodeMessage) => void,
    private readonly rooms: OwnedRooms,
    private readonly db: Database,
    private readonly limits: ConnectionLimits,
    private readonly log: Logger,
  ) {}

  /** Nodes holding clients of rooms here: their death ends those clients here. */
  get doorNodes(): Iterable<string> {
    const nodes = new Set<string>();
    for (const counts of this.doors.values()) for (const node of counts.keys()) nodes.add(node);
    return nodes;
  }

  receive(from: string, message: NodeMessage) {
    switch (message.type) {
      case 'join':
        void this.join(from, message);
        return;
      case 'frame': {
        const remote = this.remotes.get(key(from, message.conn));
        if (!remote) return;
        if (remote.joined) remote.room.receive(remote.conn, message.frame);
        else remote.conn.early.push(message.frame);
        return;
      }
      case 'leave': {
        const remote = this.remotes.get(key(from, message.conn));
        if (!remote) return;
        remote.socket.gone();
        this.drop(remote);
        return;
      }
    }
  }

  /**
   * A client another node admitted joins a room here. Its role is read again from the
   * store (T4: the owner judges), so a client rejoining after a failover is held to what
   * it may do now.
   */
  private async join(from: string, m: Extract<NodeMessage, { type: 'join' }>) {
    const room = this.rooms.owned(m.activityId);
    if (!room) return this.tell(from, { type: 'not-owner', conn: m.conn });
    const socket = new RemoteSocket((out) => this.tell(from, out), m.conn, () => this.drop(remote));
    const conn = new Connection(socket, m.userId, m.userName, m.role, this.limits, this.rooms.presenceBudget(m.userId));
    conn.remote = true;
    const remote: Remote = { node: from, id: m.conn, conn, socket, room, joined: false };
    this.remotes.get(key(from, m.conn))?.socket.gone();
    this.remotes.set(key(from, m.conn), remote);
    this.ofConnection.set(conn, remote);
    const counts = this.doors.get(m.activityId) ?? new Map<string, number>();
    counts.set(from, (counts.get(from) ?? 0) + 1);
    this.doors.set(m.activityId, counts);
    try {
      const role = await effectiveRole(this.db, m.activityId, m.userId);
      if (role === null) return conn.close(CloseCode.accessRevoked, 'you are no longer a member of this activity');
      if (conn.closed) return;
      conn.role = role;
      // Frames that arrived meanwhile, or before the room is ready, are replayed in order once it is (R1).
      remote.joined = true;
      this.rooms.join(room, conn);
      await room.ready;
    } catch (err) {
      this.log.warn({ err, room: m.activityId }, 'a client from another node could not join');
      return conn.close(1011, 'the relay could not load this activity');
    }
    if (this.remotes.get(key(from, m.conn)) !== remote || conn.closed) return;
    this.tell(from, { type: 'joined', conn: m.conn, upto: room.loggedUpto });
  }

  private drop(remote: Remote) {
    if (this.remotes.get(key(remote.node, remote.id)) !== remote) return;
    this.remotes.delete(key(remote.node, remote.id));
    remote.conn.closed = true;
    const counts = this.doors.get(remote.room.id);
    const left = (counts?.get(remote.node) ?? 1) - 1;
    if (counts && left > 0) counts.set(remote.node, left);
    else counts?.delete(remote.node);
    if (counts?.size === 0) this.doors.delete(remote.room.id);
    this.rooms.leave(remote.room, remote.conn);
  }

  /** A node died: the clients it held are gone (they reconnect elsewhere). */
  nodeGone(node: string) {
    for (const remote of [...this.remotes.values()]) {
      if (remote.node !== node) continue;
      remote.socket.gone();
      this.drop(remote);
    }
  }

  committed(activityId: string, prevId: number, id: number, frame: Uint8Array, from: Connection | null) {
    const counts = this.doors.get(activityId);
    if (!counts) return;
    const sender = from ? this.ofConnection.get(from) : undefined;
    for (const node of counts.keys()) {
      this.tell(node, { type: 'committed', activityId, prevId, id, except: sender?.node === node ? sender.id : 0, frame });
    }
  }
}
