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
 * A job lease's `expires_at` while its node lives: the lease does not lapse by itself, it ends
 * with its holder's node lease (takeJobLease's "holder dead" clause) or when given up.
 */
const whileItsNodeLives = 100 * 365 * 24 * 3_600_000;

/**
 * One timed job run by one node at a time across the nodes on one store (CLUSTER.md N8):
 * a lease `job:<name>` in `cluster_leases`, taken before the first run. A live node keeps
 * it, without renewing it, for as long as its own node lease lives: another node takes it
 * once that node lease ends (the node died, or paused past its lease: leases.ts
 * `takeJobLease`) or once it is given up (the node stops). A run its node left half done is
 * then carried on by the next holder from what the store says, as after a restart. Its token
 * goes up at each change of hands: `fenced(tx)` inside a writing transaction tells whether
 * this node still holds it (a node paused past its lease writes nothing more of the job).
 *
 * So on one node a job writes its lease once, however often it runs: lease writes share
 * SQLite's one writer with the live update log (bench/RESULTS.md, "Relay").
 */
export class JobLease {
  private token: number | null = null;

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

  /** How often the holder looks in the store for work made due through another node (pump.ts). */
  get lookMs() {
    return this.retryMs;
  }

  /** Takes the job unless this node surely holds it already (no write then): whether this node runs it now. */
  async take(): Promise<boolean> {
    if (this.holds()) return true;
    try {
      const token = await takeJobLease(this.db, this.leaseName, this.node.id, whileItsNodeLives, Date.now());
      if (token !== null && token !== this.token && this.token !== null) this.log.warn({ job: this.name }, 'this node took back a job it had lost');
      this.token = token;
    } catch (err) {
      this.log.warn({ err, job: this.name }, 'could not take a job lease');
      // Unsure: this node runs nothing more of the job until a take says it may.
      this.token = null;
    }
    return this.holds();
  }

  /**
   * Whether this node surely still holds the job: it took it, and its node lease surely lives
   * (nobody else can take the job before that node lease ends).
   */
  holds(): boolean {
    return this.token !== null && this.node.holds();
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
