import { Worker } from 'node:worker_threads';

/**
 * Password hashing on its own threads, with a bounded queue.
 *
 * scrypt through `node:crypto`'s callback API runs on libuv's four shared threads, the
 * same ones sqlite3 runs every statement on: 200 sign-ins queued there made an honest
 * query wait 12 s. Here each hash runs synchronously inside a worker thread of this pool,
 * so the store keeps libuv's threads. At most `threads` hashes run at once and `queue`
 * wait; beyond that a hash is refused at once (`HashQueueFull`) instead of piling up.
 */
export interface ScryptJob {
  password: string;
  salt: Buffer;
  keyLength: number;
  options: { N: number; r: number; p: number; maxmem: number };
}

/** The pool's threads and queue are all taken: the caller should answer "try again shortly". */
export class HashQueueFull extends Error {}

interface Pending extends ScryptJob {
  resolve: (key: Buffer) => void;
  reject: (err: Error) => void;
}

interface Reply {
  key?: Uint8Array;
  error?: string;
}

// A CommonJS script evaluated in the worker: no loader or build step needed for it.
const workerSource = `
const { parentPort } = require('node:worker_threads');
const { scryptSync } = require('node:crypto');
parentPort.on('message', (job) => {
  try {
    const key = scryptSync(job.password, Buffer.from(job.salt), job.keyLength, job.options);
    parentPort.postMessage({ key });
  } catch (err) {
    parentPort.postMessage({ error: String((err && err.message) || err) });
  }
});
`;

export class HashPool {
  private readonly idle: Worker[] = [];
  private readonly busy = new Map<Worker, Pending>();
  private readonly waiting: Pending[] = [];
  private started = 0;
  /** Hashes run since the pool started (for logs and tests). */
  ran = 0;

  constructor(
    readonly threads = 1,
    readonly queue = 16,
  ) {}

  derive(job: ScryptJob): Promise<Buffer> {
    if (this.idle.length === 0 && this.started >= this.threads && this.waiting.length >= this.queue) {
      return Promise.reject(new HashQueueFull('every hashing thread is busy and the queue is full'));
    }
    return new Promise<Buffer>((resolve, reject) => {
      this.waiting.push({ ...job, resolve, reject });
      this.pump();
    });
  }

  /** Ends the threads; jobs still waiting are refused. */
  async close(): Promise<void> {
    for (const job of this.waiting.splice(0)) job.reject(new HashQueueFull('the relay is stopping'));
    await Promise.all([...this.idle.splice(0), ...this.busy.keys()].map((w) => w.terminate()));
  }

  private pump() {
    while (this.waiting.length > 0) {
      const worker = this.idle.pop() ?? (this.started < this.threads ? this.spawn() : undefined);
      if (!worker) return;
      const job = this.waiting.shift()!;
      this.busy.set(worker, job);
      this.ran++;
      worker.postMessage({ password: job.password, salt: job.salt, keyLength: job.keyLength, options: job.options });
    }
  }

  private spawn(): Worker {
    const worker = new Worker(workerSource, { eval: true });
    this.started++;
    // Idle threads do not keep the process alive.
    worker.unref();
    worker.on('message', (reply: Reply) => {
      const job = this.busy.get(worker);
      this.busy.delete(worker);
      this.idle.push(worker);
      if (job) {
        if (reply.key) job.resolve(Buffer.from(reply.key));
        else job.reject(new Error(reply.error ?? 'hashing failed'));
      }
      this.pump();
    });
    worker.on('error', (err) => this.lose(worker, err));
    worker.on('exit', () => this.lose(worker, new Error('a hashing thread stopped')));
    return worker;
  }

  /** A thread that died fails its job only; a new one is started for the rest. */
  private lose(worker: Worker, err: Error) {
    const job = this.busy.get(worker);
    if (!this.busy.delete(worker) && !this.idle.includes(worker)) return;
    const at = this.idle.indexOf(worker);
    if (at >= 0) this.idle.splice(at, 1);
    this.started--;
    job?.reject(err);
    this.pump();
  }
}
