import { Worker } from 'node:worker_threads';
import type { FromRebuildThread, RebuildJob, RebuildResult, ToRebuildThread } from './rebuild-job.ts';
import type { UpdateBatch } from './update-batch.ts';

/** Every rebuild thread is busy and the queue is full: the caller answers "try again shortly". */
export class RebuildQueueFull extends Error {}
/** This person has their share of the queue waiting already: they wait for those first. */
export class RebuildShareFull extends Error {}

/** Gives a job its next batch of the log (null: none left). */
export type Feed = () => Promise<UpdateBatch | null>;

/** Owners whose last turn is remembered, so that whoever was served least recently goes first. */
const rememberedOwners = 1_000;

interface Pending {
  id: number;
  owner: string;
  job: RebuildJob;
  feed?: Feed;
  /** Why feeding failed: the job was stopped and is answered with this. */
  fault?: Error;
  resolve: (result: RebuildResult) => void;
  reject: (err: Error) => void;
}

// The relay runs its TypeScript through tsx: the thread registers the same loader first.
const workerUrl = new URL('./rebuild-worker.ts', import.meta.url).href;
const workerSource = `import('tsx/esm/api').then((api) => { api.register(); return import(${JSON.stringify(workerUrl)}); });`;

/**
 * Past moments are rebuilt off the event loop (SPEC D6, H5): loading a checkpoint and
 * replaying thousands of updates takes tens of milliseconds, a large document's more,
 * and the relay's loop is never held over 100 ms. One thread (started on first use, kept
 * while the relay runs), at most `queue` jobs waiting and `perOwner` of one owner (a
 * person; the relay's own jobs are one more); beyond, refused at once. The next job is
 * taken from the owner served least recently, so one person's requests never starve
 * another's: whoever asks waits behind at most one job of each other owner waiting.
 */
export class RebuildPool {
  private worker: Worker | null = null;
  private running: Pending | null = null;
  /** Jobs waiting, by owner, oldest first. */
  private readonly waiting = new Map<string, Pending[]>();
  private waitingCount = 0;
  /** When each owner was last served (a turn number), oldest first. */
  private readonly served = new Map<string, number>();
  private turn = 0;
  private nextId = 1;

  constructor(
    readonly queue = 8,
    readonly perOwner = 2,
  ) {}

  /**
   * Runs `owner`'s job; a job built on a moment is given the log through `feed`, one batch
   * at a time, each sent by transfer (its buffer leaves this thread). The thread stays the
   * job's until it is answered: its budget and the moment's bounds say how long (SPEC H5).
   */
  run(job: RebuildJob, owner: string, feed?: Feed, system = false): Promise<RebuildResult> {
    // The relay's own jobs (erasures) come one at a time: never refused, they wait their turn.
    if (!system && this.waitingCount >= this.queue) return Promise.reject(new RebuildQueueFull('the history thread is busy'));
    const mine = this.waiting.get(owner) ?? [];
    if (!system && mine.length >= this.perOwner) return Promise.reject(new RebuildShareFull('this person has history requests waiting'));
    return new Promise<RebuildResult>((resolve, reject) => {
      mine.push({ id: this.nextId++, owner, job, feed, resolve, reject });
      this.waiting.set(owner, mine);
      this.waitingCount++;
      this.pump();
    });
  }

  async close() {
    for (const jobs of this.waiting.values()) for (const job of jobs) job.reject(new RebuildQueueFull('the relay is stopping'));
    this.waiting.clear();
    this.waitingCount = 0;
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private pump() {
    if (this.running || this.waitingCount === 0) return;
    let owner = '';
    let last = Number.POSITIVE_INFINITY;
    for (const candidate of this.waiting.keys()) {
      const turn = this.served.get(candidate) ?? -1;
      if (turn < last) [owner, last] = [candidate, turn];
    }
    const jobs = this.waiting.get(owner)!;
    const job = jobs.shift()!;
    if (jobs.length === 0) this.waiting.delete(owner);
    this.waitingCount--;
    this.served.delete(owner);
    this.served.set(owner, this.turn++);
    if (this.served.size > rememberedOwners) this.served.delete(this.served.keys().next().value!);
    this.running = job;
    this.send({ id: job.id, job: job.job });
  }

  private send(message: ToRebuildThread) {
    const transfer = 'batch' in message && message.batch ? [message.batch.bytes.buffer as ArrayBuffer] : [];
    (this.worker ??= this.spawn()).postMessage(message, transfer);
  }

  /** The thread asks for the running job's next batch. */
  private next(job: Pending) {
    const feed = job.feed ?? (() => Promise.resolve(null));
    feed().then(
      (batch) => {
        if (this.running === job) this.send({ id: job.id, batch });
      },
      (err: unknown) => {
        job.fault = err instanceof Error ? err : new Error(String(err));
        if (this.running === job) this.send({ id: job.id, abort: true });
      },
    );
  }

  private spawn(): Worker {
    const worker = new Worker(workerSource, { eval: true });
    worker.unref();
    worker.on('message', (message: FromRebuildThread) => {
      const job = this.running;
      if (job?.id !== message.id) return;
      if ('more' in message) return this.next(job);
      this.running = null;
      if (job.fault) job.reject(job.fault);
      else job.resolve(message.result);
      this.pump();
    });
    const lost = (err: Error) => {
      if (this.worker !== worker) return;
      this.worker = null;
      const job = this.running;
      this.running = null;
      job?.reject(err);
      this.pump();
    };
    worker.on('error', lost);
    worker.on('exit', () => lost(new Error('the history thread stopped')));
    return worker;
  }
}
