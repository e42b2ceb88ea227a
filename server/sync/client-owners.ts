import type { Logger } from 'pino';
import type { Database } from '../store/db.ts';
import type { ClientCounts } from './client-caps.ts';

/**
 * Whose each Yjs client id of a document is (SPEC W10, U4), kept in `doc_clients`. An id
 * becomes a person's when their connection first takes its clocks or first shows its
 * presence (a stock client's presence id is its document's client id), and stays theirs:
 * only they may write its next clocks. A claim is stored in the commit of the update that
 * made it (update-log.ts), or on its own for presence; until it is known stored, the next
 * update of that client carries it again, so no committed change outlives its owner's row.
 * It also counts each person's ids, today (UTC, from `claimed_at`) and in all (SPEC W14).
 */
export class ClientOwners {
  private readonly owners = new Map<number, string>();
  /** Claims not yet known to be in the store. */
  private readonly unstored = new Set<number>();
  private readonly totals = new Map<string, number>();
  private readonly todays = new Map<string, number>();
  private day = '';

  constructor(
    private readonly activityId: string,
    private readonly db: Database,
    private readonly logger: Logger,
    private readonly now: () => Date,
  ) {}

  async load() {
    const rows = await this.db.all<{ client_id: number; user_id: string; claimed_at: string | null }>(
      'SELECT client_id, user_id, claimed_at FROM doc_clients WHERE activity_id = ?',
      [this.activityId],
    );
    this.roll();
    for (const r of rows) this.record(r.client_id, r.user_id, r.claimed_at !== null && r.claimed_at.startsWith(this.day));
  }

  owner(client: number): string | undefined {
    return this.owners.get(client);
  }

  /** The client ids a person took in this document, today and in all (SPEC W14). */
  countsOf(userId: string): ClientCounts {
    this.roll();
    return { today: this.todays.get(userId) ?? 0, total: this.totals.get(userId) ?? 0 };
  }

  private record(client: number, userId: string, today: boolean) {
    this.owners.set(client, userId);
    this.totals.set(userId, (this.totals.get(userId) ?? 0) + 1);
    if (today) this.todays.set(userId, (this.todays.get(userId) ?? 0) + 1);
  }

  private roll() {
    const day = this.now().toISOString().slice(0, 10);
    if (day === this.day) return;
    this.day = day;
    this.todays.clear();
  }

  /**
   * An update of `userId` taking the next clocks of these clients was judged (none is
   * anyone else's): they are theirs. Returns the claims its commit must store.
   */
  take(userId: string, clients: Iterable<number>): number[] {
    const toStore: number[] = [];
    for (const client of clients) {
      const owner = this.owners.get(client);
      if (owner === undefined) {
        this.roll();
        this.record(client, userId, true);
        this.unstored.add(client);
      } else if (owner !== userId) continue;
      if (this.unstored.has(client)) toStore.push(client);
    }
    return toStore;
  }

  /** The commit holding these claims is durable. */
  stored(clients: readonly number[]) {
    for (const client of clients) this.unstored.delete(client);
  }

  /** A connection of `userId` showed its presence under `client`, which the document never held: theirs if nobody's. */
  claimPresence(userId: string, client: number) {
    if (this.owners.has(client)) return;
    this.roll();
    this.record(client, userId, true);
    this.unstored.add(client);
    this.db
      .run('INSERT INTO doc_clients (activity_id, client_id, user_id, claimed_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING', [
        this.activityId,
        client,
        userId,
        this.now().toISOString(),
      ])
      .then(
        () => this.unstored.delete(client),
        (err: unknown) => this.logger.error({ err, room: this.activityId }, 'could not record whose a client is'),
      );
  }
}
