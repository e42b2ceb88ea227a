import type { Logger } from 'pino';
import { CountedBucket, TokenBucket } from './rate.ts';
import { SharedTally, type TallyStore } from './shared-tally.ts';

const hourMs = 3_600_000;
/** Budgets kept at most before full ones (as good as new) are forgotten. */
const maxKept = 10_000;

/**
 * Each person's presence budget (SPEC L8): as much as one connection's
 * (CONCLAVE_AWARENESS_BYTES_PER_SECOND, 4 s worth at once), drawn on by all their
 * connections, so that reconnecting does not refill it. With several relay nodes (`share`),
 * what a person spent through rooms on other nodes is taken from their budget here too, a
 * second or two late at most (CLUSTER.md N16): each node counts what its rooms took (an hour's
 * hash in Redis), and reads back the totals of the people connected here every second.
 */
export class PersonPresence {
  private readonly budgets = new Map<string, TokenBucket>();
  private shared: SharedTally | null = null;

  constructor(private readonly perSecond: number) {}

  /** The person's budget, the same for all their connections here. */
  budget(userId: string): TokenBucket {
    let budget = this.budgets.get(userId);
    if (budget) return budget;
    const now = Date.now();
    if (this.budgets.size >= maxKept) {
      for (const [id, b] of this.budgets) if (b.isFull(now)) this.budgets.delete(id);
    }
    const shared = this.shared;
    budget = shared
      ? new CountedBucket(this.perSecond, 4 * this.perSecond, now, (cost) => shared.add(userId, cost))
      : new TokenBucket(this.perSecond, 4 * this.perSecond, now);
    this.budgets.set(userId, budget);
    return budget;
  }

  /** Counts over every node too, in `store` (a hash an hour, kept two). */
  share(store: TallyStore, logger: Logger) {
    this.shared = new SharedTally(store, 2 * hourMs, logger, (userId, bytes) => this.budgets.get(userId)?.drain(Date.now(), bytes));
  }

  /** Reads the totals of `people` (joining a room here) not read at the last exchange. */
  async readNew(people: Iterable<string>): Promise<void> {
    if (!this.shared) return;
    this.shared.keyed(`presence:${Math.floor(Date.now() / hourMs)}`);
    await this.shared.readNew(people);
  }

  /**
   * Sends what this node's rooms took since the last exchange, and takes from the budgets
   * here what the people connected to `rooms` spent on other nodes meanwhile.
   */
  async exchange(rooms: Iterable<{ connections: Iterable<{ userId: string }> }>): Promise<void> {
    if (!this.shared) return;
    this.shared.keyed(`presence:${Math.floor(Date.now() / hourMs)}`);
    await this.shared.exchange(peopleIn(rooms));
  }
}

function* peopleIn(rooms: Iterable<{ connections: Iterable<{ userId: string }> }>): Iterable<string> {
  for (const room of rooms) for (const conn of room.connections) yield conn.userId;
}
