import type { WebSocket } from 'ws';
import type { ActivityRole } from '#core/api/activities';
import type { CloseCode } from '#core/sync/protocol';
import { TokenBucket } from './rate.ts';

/** One client's WebSocket in one room, with who it is and what it may do. */
export class Connection {
  /** Frames that arrived while the room was still loading, replayed once it is ready. */
  readonly early: Uint8Array[] = [];
  /** Awareness client IDs this connection speaks for. */
  readonly awarenessClients = new Set<number>();
  readonly bucket: TokenBucket;
  /**
   * Updates that build on changes this connection has not sent yet (a client that
   * reconnects sends new edits before its sync answer): held, bounded, and retried
   * after each of its updates is applied (SPEC U2).
   */
  readonly held: Uint8Array[] = [];
  heldBytes = 0;
  toldReadOnly = false;
  closed = false;

  constructor(
    private readonly socket: WebSocket,
    readonly userId: string,
    readonly userName: string,
    public role: ActivityRole,
    limits: { messagesPerSecond: number; messageBurst: number },
  ) {
    this.bucket = new TokenBucket(limits.messagesPerSecond, limits.messageBurst, Date.now());
  }

  send(frame: Uint8Array): void {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) return;
    this.socket.send(frame, { binary: true });
  }

  close(code: CloseCode | 1011, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    this.socket.close(code, reason.slice(0, 120));
  }

  /** Bytes queued for sending: a peer that stops reading is dropped (rule L4). */
  get backlog(): number {
    return this.socket.bufferedAmount;
  }
}
