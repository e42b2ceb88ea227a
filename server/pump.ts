import type { Logger } from 'pino';
import type { JobLease } from './nodes/job-lease.ts';

export interface PumpOptions {
  log: Logger;
  now: () => Date;
  /** One run: does whatever is due now. A run that throws is logged, and the pump goes on. */
  work: () => Promise<void>;
  /**
   * The earliest due time still pending (ISO), or null, read from the store: the pump
   * sleeps until then. The times live in SQLite, not in the timer, so after a restart
   * `start()` runs what fell due while the relay was down, and nothing is lost.
   */
  next?: () => Promise<string | null>;
  /** Runs at least this often even when nothing says it is due (a poll); an hour at most. */
  everyMs?: number;
  /**
   * A timed job of the whole relay rather than of this process: runs only while this node
   * holds the job's lease (CLUSTER.md N8), taken before the first run and kept while the node
   * lives. A node that finds it held looks again half a lease later, and takes it once its
   * holder died; the holder reads `next` that often too, for work made due through another node.
   */
  lease?: JobLease;
}

/**
 * Background work run one run at a time: `wake()` runs it now, and a wake during a run
 * asks for one more run right after it (wakes coalesce, never overlap). Between runs it
 * sleeps until the next due time, or `everyMs`. The mail queue, the SMS worker, the
 * daily-figures scheduler, poll deadlines and decision reviews each own one.
 */
export class Pump {
  /** A pump wakes at least this often, so a clock change is noticed (and setTimeout's range kept). */
  static readonly maxSleepMs = 60 * 60 * 1000;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  /** The last run found the job held by another node. */
  private heldElsewhere = false;

  constructor(
    private readonly name: string,
    private readonly options: PumpOptions,
  ) {}

  /** Starts the pump; resolves once its first run (what fell due while it was stopped) is done. */
  start(): Promise<void> {
    this.stopped = false;
    this.wake();
    return this.running ?? Promise.resolve();
  }

  /** Something is due or changed: run now, or once more after the run in progress. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.run();
  }

  /** Stops waking; resolves once the run in progress is done. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
    await this.options.lease?.release();
  }

  private async run(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    do {
      this.again = false;
      try {
        await this.leased(this.options.lease);
      } catch (err) {
        this.options.log.error({ err, pump: this.name }, 'background work failed; trying again later');
      }
    } while (this.again && !this.stopped && !this.heldElsewhere);
    await this.arm();
    this.running = null;
    if (this.again && !this.heldElsewhere) this.wake();
  }

  /** One run: at once, or with a job lease only while this node holds it (renewed meanwhile). */
  private async leased(lease: JobLease | undefined): Promise<void> {
    if (!lease) return this.options.work();
    this.heldElsewhere = !(await lease.take());
    if (this.heldElsewhere) return;
    await this.options.work();
  }

  /**
   * The holder of a job looks in the store for work made due through another node (whose
   * own wake found the job held here): reads `next` and sleeps again, or runs if it is due.
   */
  private look(): void {
    if (this.stopped || this.running) return;
    this.running = (async () => {
      await this.arm();
      this.running = null;
      if (this.again) this.wake();
    })();
  }

  private async arm(): Promise<void> {
    if (this.stopped) return;
    let next: string | null = null;
    try {
      next = (await this.options.next?.()) ?? null;
    } catch (err) {
      this.options.log.error({ err, pump: this.name }, 'could not read the next due time');
    }
    if (this.stopped) return;
    const idle = Math.min(this.options.everyMs ?? Pump.maxSleepMs, Pump.maxSleepMs);
    const due = next === null ? idle : Math.min(idle, Math.max(0, Date.parse(next) - this.options.now().getTime()) + 5);
    const lease = this.options.lease;
    // Held by another node: look again once it may be dead (a wake here may have found it busy).
    if (lease && this.heldElsewhere) return this.sleep(lease.retryMs, () => this.wake());
    // Holding the job: read `next` again before long, in case work came due through another node.
    if (lease && this.options.next && due > lease.lookMs) return this.sleep(lease.lookMs, () => this.look());
    this.sleep(due, () => this.wake());
  }

  private sleep(ms: number, then: () => void): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      then();
    }, ms);
    this.timer.unref();
  }
}
