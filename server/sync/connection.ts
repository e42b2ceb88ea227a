import type { WebSocket } from 'ws';
import type { ActivityRole } from '#core/api/activities';
import { CloseCode } from '#core/sync/protocol';
import { TokenBucket } from './rate.ts';

export interface ConnectionLimits {
  messagesPerSecond: number;
  messageBurst: number;
  maxBacklogBytes: number;
  awarenessBytesPerSecond: number;
  step1PerMinute: number;
  awarenessQueriesPerMinute: number;
}

/**
 * What a connection needs of its socket: a WebSocket, or on the node that owns a room, the
 * stand-in for a client whose socket another node holds (remote-socket.ts).
 */
export type SyncSocket = Pick<WebSocket, 'readyState' | 'OPEN' | 'bufferedAmount' | 'close'> & {
  send(frame: Uint8Array, options: { binary: true }): void;
};

/** Close code for a peer that does not read what it is sent (rule L4). */
export const slowReader = 1011;

/** One client's WebSocket in one room, with who it is and what it may do. */
export class Connection {
  /** Frames that arrived while the room was still loading, replayed once it is ready. */
  readonly early: Uint8Array[] = [];
  /** Awareness client IDs this connection speaks for (rule A3). */
  readonly awarenessClients = new Set<number>();
  readonly bucket: TokenBucket;
  /**
   * Updates that build on changes this connection has not sent yet (a client that
   * reconnects sends new edits before its sync answer): held, bounded, and retried
   * after each of its updates is applied (SPEC U2).
   */
  readonly held: Uint8Array[] = [];
  heldBytes = 0;
  /** Per-connection budgets (rule L8): answers to sync step 1 and query-awareness, awareness bytes. */
  readonly step1Budget: TokenBucket;
  readonly queryBudget: TokenBucket;
  readonly awarenessBudget: TokenBucket;
  /** The person's awareness bytes, shared by all their connections and kept across reconnects (L8). */
  readonly personAwarenessBudget: TokenBucket;
  /** A sync answer is waiting for a commit: a second step 1 meanwhile is refused. */
  answerPending = false;
  toldReadOnly = false;
  closed = false;
  /** Its socket is on another relay node, which sends it the room's committed updates itself (node-link.ts). */
  remote = false;
  /** Bytes of the last answer sent while caught up: the peer may be behind by this much more. */
  private allowance = 0;
  private readonly maxBacklog: number;

  constructor(
    private readonly socket: SyncSocket,
    readonly userId: string,
    /** The person's current name (a rename reaches live connections: hub.renamed). */
    public userName: string,
    public role: ActivityRole,
    limits: ConnectionLimits,
    personAwarenessBudget: TokenBucket,
  ) {
    this.personAwarenessBudget = personAwarenessBudget;
    const now = Date.now();
    this.bucket = new TokenBucket(limits.messagesPerSecond, limits.messageBurst, now);
    this.step1Budget = new TokenBucket(limits.step1PerMinute / 60, limits.step1PerMinute, now);
    this.queryBudget = new TokenBucket(limits.awarenessQueriesPerMinute / 60, limits.awarenessQueriesPerMinute, now);
    this.awarenessBudget = new TokenBucket(limits.awarenessBytesPerSecond, 4 * limits.awarenessBytesPerSecond, now);
    this.maxBacklog = limits.maxBacklogBytes;
  }

  /**
   * Sends a frame unless the peer is too far behind (rule L4): past the backlog bound
   * (plus the one answer it asked for while caught up) nothing more is queued and the
   * connection is closed with 1011, so a peer that stops reading cannot fill the relay.
   */
  send(frame: Uint8Array): void {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) return;
    const waiting = this.socket.bufferedAmount;
    if (waiting <= this.maxBacklog) this.allowance = 0;
    if (waiting > this.maxBacklog + this.allowance) {
      this.close(slowReader, 'too far behind: reconnect');
      return;
    }
    this.socket.send(frame, { binary: true });
  }

  /** Sends an answer the peer asked for: only to a peer that has read what came before. */
  answer(frame: Uint8Array): void {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) return;
    if (this.socket.bufferedAmount > this.maxBacklog) {
      this.close(slowReader, 'asked again before reading the last answer: reconnect');
      return;
    }
    this.send(frame);
    this.allowance = frame.length;
  }

  close(code: CloseCode | 1011, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.close(code, reason.slice(0, 120));
  }

  /** Closes with 4029 when `budget` cannot pay `cost`; true when it could. */
  spend(budget: TokenBucket, cost: number, what: string): boolean {
    if (budget.take(Date.now(), cost)) return true;
    this.close(CloseCode.rateLimited, `too many ${what}: slow down`);
    return false;
  }

  /** Bytes queued for sending. */
  get backlog(): number {
    return this.socket.bufferedAmount;
  }
}
