import type { Logger } from 'pino';
import type { Queries, Store } from '../store/db.ts';
import { releaseLease, stillHolds, takeJobLease } from './leases.ts';

/** The node a job lease is held for: its id, its lease's length, and whether that lease surely lives. */
export interface LeaseHolder {
  readonly id: string;
  readonly leaseMs: number;
  holds(): boolean;
}

/**
 * One timed job run by one node at a time across the nodes on one store (CLUSTER.md N8):
 * a lease `job:<name>` in `cluster_leases`, taken before each run and renewed while it runs
 * (pump.ts does both). Another node takes it once it lapses or its holder's node lease
 * does (leases.ts `takeJobLease`): a run its node left half done is then carried on by the
 * next holder from what the store says, as after a restart. Its token goes up at each
 * change of hands: `fenced(tx)` inside a writing transaction tells whether this node still
 * holds it (a node paused past its lease writes nothing more of the job).
 *
 * A node keeps the lease while it runs the job, renewing at most every third of a lease:
 * on one node alone this costs one write per third of a lease, not one per run.
 */
export class JobLease {
  private token: number | null = null;
  private takenAt = 0;

  constructor(
    private readonly db: Store,
    private readonly node: LeaseHolder,
    readonly name: string,
    private readonly log: Logger,
  ) {}

  get leaseName() {
    return `job:${this.name}`;
  }

  /** How long a node that found the job held waits before asking again (the holder may die meanwhile). */
  get retryMs() {
    return Math.max(50, Math.floor(this.node.leaseMs / 2));
  }

  get renewMs() {
    return Math.max(50, Math.floor(this.node.leaseMs / 3));
  }

  /** Takes the job, or renews it when a third of the lease went by: whether this node runs it now. */
  async take(): Promise<boolean> {
    const asked = Date.now();
    if (this.holds() && asked < this.takenAt + this.renewMs) return true;
    try {
      const token = await takeJobLease(this.db, this.leaseName, this.node.id, this.node.leaseMs, asked);
      if (token !== null && token !== this.token && this.token !== null) this.log.warn({ job: this.name }, 'this node took back a job it had lost');
      this.token = token;
      if (token !== null) this.takenAt = asked;
    } catch (err) {
      this.log.warn({ err, job: this.name }, 'could not take or renew a job lease');
      // Unsure: this node runs nothing more of the job until a renewal says it may.
      if (!this.holds()) this.token = null;
    }
    return this.holds();
  }

  /** Whether this node surely still holds the job: taken less than 4/5 of a lease ago, its node lease live. */
  holds(): boolean {
    return this.token !== null && Date.now() < this.takenAt + (this.node.leaseMs * 4) / 5 && this.node.holds();
  }

  /** Inside a writing transaction: is the lease this node took still the job's live one? */
  async fenced(tx: Queries): Promise<boolean> {
    return this.token !== null && stillHolds(tx, this.leaseName, this.token, Date.now());
  }

  /** Gives the job up (the node stops), so another node runs it at once rather than a lease later. */
  async release(): Promise<void> {
    if (this.token === null) return;
    this.token = null;
    await releaseLease(this.db, this.leaseName, this.node.id).catch((err: unknown) => this.log.warn({ err, job: this.name }, 'could not give a job lease up'));
  }
}

/** The lease of the timed job `name` for this relay's node (what a Pump's `lease` option takes). */
export function jobLease(ctx: { db: Store; node: LeaseHolder; log: Logger }, name: string): JobLease {
  return new JobLease(ctx.db, ctx.node, name, ctx.log);
}
