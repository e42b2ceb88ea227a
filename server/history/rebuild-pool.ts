import { Worker } from 'node:worker_threads';
import type { FromRebuildThread, RebuildJob, RebuildResult, ToRebuildThread } from './rebuild.ts';
import type { UpdateBatch } from './update-batch.ts';

/** Every rebuild thread is busy and the queue is full: the caller answers "try again shortly". */
export class RebuildQueueFull extends Error {}

/** Gives a removals job its next batch of the log (null: none left). */
export type Feed = () => Promise<UpdateBatch | null>;

interface Pending {
  id: number;
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
 * Past moments are rebuilt off the event loop (SPEC D6): loading a checkpoint and
 * replaying thousands of updates takes tens of milliseconds, a large document's more,
 * and the relay's loop is never held over 100 ms. One thread (started on first use, kept
 * while the relay runs), at most `queue` jobs waiting; beyond, refused at once.
 */
export class RebuildPool {
  private worker: Worker | null = null;
  private running: Pending | null = null;
  private readonly waiting: Pending[] = [];
  private nextId = 1;

  constructor(readonly queue = 8) {}

  /**
   * Runs a job; a removals job is given the log through `feed`, one batch at a time,
   * each sent by transfer (its buffer leaves this thread). The thread stays the job's
   * until it is answered: its budget bounds how long (SPEC H5).
   */
  run(job: RebuildJob, feed?: Feed): Promise<RebuildResult> {
    if (this.waiting.length >= this.queue) return Promise.reject(new RebuildQueueFull('the history thread is busy'));
    return new Promise<RebuildResult>((resolve, reject) => {
      this.waiting.push({ id: this.nextId++, job, feed, resolve, reject });
      this.pump();
    });
  }

  async close() {
    for (const job of this.waiting.splice(0)) job.reject(new RebuildQueueFull('the relay is stopping'));
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private pump() {
    if (this.running || this.waiting.length === 0) return;
    const job = this.waiting.shift()!;
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
