import { Worker } from 'node:worker_threads';
import type { RebuildJob, RebuildResult } from './rebuild.ts';

/** Every rebuild thread is busy and the queue is full: the caller answers "try again shortly". */
export class RebuildQueueFull extends Error {}

interface Pending {
  id: number;
  job: RebuildJob;
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

  run(job: RebuildJob): Promise<RebuildResult> {
    if (this.waiting.length >= this.queue) return Promise.reject(new RebuildQueueFull('the history thread is busy'));
    return new Promise<RebuildResult>((resolve, reject) => {
      this.waiting.push({ id: this.nextId++, job, resolve, reject });
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
    (this.worker ??= this.spawn()).postMessage({ id: job.id, job: job.job });
  }

  private spawn(): Worker {
    const worker = new Worker(workerSource, { eval: true });
    worker.unref();
    worker.on('message', ({ id, result }: { id: number; result: RebuildResult }) => {
      const job = this.running;
      if (job?.id !== id) return;
      this.running = null;
      job.resolve(result);
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
