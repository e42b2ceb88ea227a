import type { AwarenessEntry } from './awareness.ts';
import type { Connection } from './connection.ts';

/** Client IDs one connection may speak for (a stock client uses one). */
export const maxClientIdsPerConnection = 4;

interface Owner {
  userId: string;
  conn: Connection | null;
}

/**
 * Who may write which awareness client ID in a room (SPEC A3). An ID belongs to the
 * connection that first used it, and stays its person's after that connection leaves
 * (a reconnecting client keeps its ID and clock). A connection's entries for IDs it does
 * not own are dropped: stock clients echo others' states, so this is not an offence.
 */
export class PresenceOwners {
  private readonly owners = new Map<number, Owner>();

  constructor(private readonly remembered = 10_000) {}

  /** The entries `conn` may write; claims new IDs for it on the way. */
  admit(conn: Connection, entries: AwarenessEntry[], clockOf: (clientId: number) => number | undefined): AwarenessEntry[] {
    return entries.filter((e) => {
      const owner = this.owners.get(e.clientId);
      if (owner?.conn === conn) return true;
      if (!owner) {
        if (conn.awarenessClients.size >= maxClientIdsPerConnection) return false;
        return this.claim(conn, e.clientId);
      }
      if (owner.userId !== conn.userId) return false;
      // The same person: a reconnect, or a socket the relay has not seen die yet.
      const live = owner.conn !== null && !owner.conn.closed;
      if (live && (e.state === null || e.clock <= (clockOf(e.clientId) ?? 0))) return false;
      owner.conn?.awarenessClients.delete(e.clientId);
      return this.claim(conn, e.clientId);
    });
  }

  private claim(conn: Connection, clientId: number): true {
    conn.awarenessClients.add(clientId);
    this.owners.delete(clientId);
    this.owners.set(clientId, { userId: conn.userId, conn });
    return true;
  }

  /**
   * The connection left: its IDs are its person's until forgotten. Returns the IDs to
   * remove from the room's presence, and those forgotten for good (oldest first, past
   * `remembered`), whose clocks the room may drop too.
   */
  release(conn: Connection): { removed: number[]; forgotten: number[] } {
    const removed = [...conn.awarenessClients];
    for (const id of removed) {
      const owner = this.owners.get(id);
      if (owner?.conn === conn) owner.conn = null;
    }
    const forgotten: number[] = [];
    for (const [id, owner] of this.owners) {
      if (this.owners.size <= this.remembered) break;
      if (owner.conn !== null) continue;
      this.owners.delete(id);
      forgotten.push(id);
    }
    return { removed, forgotten };
  }
}
