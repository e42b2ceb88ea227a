import type { SyncSocket } from './connection.ts';
import type { NodeMessage } from './node-messages.ts';

/**
 * On the node that owns a room, the socket of a client another node holds (its door):
 * what the room sends it goes to the door, which sends it on, back-pressure included
 * (L4 is judged where the socket is: the door's own connection). Closing it tells the door
 * to close the client's socket with the same code, and leaves the room here at once.
 */
export class RemoteSocket implements SyncSocket {
  readonly OPEN = 1;
  readyState: 0 | 1 | 2 | 3 = 1;
  /** Nothing waits here: the door holds the socket and its backlog. */
  readonly bufferedAmount = 0;

  constructor(
    private readonly tell: (message: NodeMessage) => void,
    private readonly conn: number,
    private readonly onClose: () => void,
  ) {}

  send(frame: Uint8Array): void {
    if (this.readyState === 1) this.tell({ type: 'send', conn: this.conn, frame });
  }

  close(code?: number, reason?: string): void {
    if (this.readyState !== 1) return;
    this.readyState = 3;
    this.tell({ type: 'close', conn: this.conn, code: code ?? 1000, reason: reason ?? '' });
    this.onClose();
  }

  /** The door said the client left: nothing more goes to it, nothing is told back. */
  gone(): void {
    this.readyState = 3;
  }
}
