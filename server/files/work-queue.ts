import { ErrorCode } from '#core/api/errors';
import { Refusal } from '../errors.ts';

/** Who a job is for, each with the most jobs it may have under way (a person, their organisation). */
export type Shares = readonly { key: string; most: number }[];

/**
 * Slow work on files (thumbnails, Office conversions), bounded: at most `running` jobs
 * at once, at most `waiting` more in line (past it: 503 busy, nothing queued), and one
 * job per key — asking again for a key in progress waits for the same job. A job started
 * for someone (`shares`) counts against each of their shares until it ends: past one, 429
 * and nothing queued, so that nobody holds the whole line.
 */
export class WorkQueue<T> {
  private readonly jobs = new Map<string, Promise<T>>();
  private readonly line: (() => void)[] = [];
  private active = 0;
  private readonly taken = new Map<string, number>();

  constructor(private readonly limits: { running: number; waiting: number }) {}

  get size(): number {
    return this.jobs.size;
  }

  /** Like `begin`, but a refusal (busy, or a share taken) comes as the promise's rejection. */
  run(key: string, job: () => Promise<T>, shares: Shares = []): Promise<T> {
    try {
      return this.begin(key, job, shares);
    } catch (err) {
      return Promise.reject(err);
    }
  }

  /** Whether a job for `key` is under way (running or waiting). */
  has(key: string): boolean {
    return this.jobs.has(key);
  }

  /** Starts the job for `key` (or finds it under way) and gives its promise; throws busy, at once, when the line is full. */
  begin(key: string, job: () => Promise<T>, shares: Shares = []): Promise<T> {
    const current = this.jobs.get(key);
    if (current) return current;
    if (shares.some((share) => (this.taken.get(share.key) ?? 0) >= share.most)) {
      throw new Refusal(ErrorCode.rateLimited, 'Files you asked for are being prepared already: try again once they are ready.', undefined, { 'retry-after': '10' });
    }
    if (this.active >= this.limits.running && this.line.length >= this.limits.waiting) {
      throw new Refusal(ErrorCode.busy, 'The relay is busy preparing other files: try again in a moment.', undefined, { 'retry-after': '5' });
    }
    for (const share of shares) this.taken.set(share.key, (this.taken.get(share.key) ?? 0) + 1);
    const done = this.start(job).finally(() => {
      this.jobs.delete(key);
      for (const share of shares) {
        const left = (this.taken.get(share.key) ?? 1) - 1;
        if (left > 0) this.taken.set(share.key, left);
        else this.taken.delete(share.key);
      }
    });
    this.jobs.set(key, done);
    return done;
  }

  private async start(job: () => Promise<T>): Promise<T> {
    if (this.active >= this.limits.running) await new Promise<void>((resolve) => this.line.push(resolve));
    this.active++;
    try {
      return await job();
    } finally {
      this.active--;
      this.line.shift()?.();
    }
  }
}
