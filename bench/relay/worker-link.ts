import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { BuildResult, ConnectResult, LoadResult, TimedSync, WorkerReply, WorkerRequest } from './messages.ts';

/** The bench's side of a load process: one request at a time, answered in order. */
export class LoadProcess {
  private constructor(private readonly child: ChildProcess) {}

  static start(): LoadProcess {
    const child = fork(path.join(import.meta.dirname, 'load-worker.ts'), [], {
      execArgv: ['--import', 'tsx', '--max-old-space-size=4096'],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    return new LoadProcess(child);
  }

  get pid() {
    return this.child.pid ?? 0;
  }

  private ask<T>(req: WorkerRequest): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`the load process exited with ${code}`));
      this.child.once('exit', onExit);
      this.child.once('message', (reply: WorkerReply) => {
        this.child.off('exit', onExit);
        if (reply.ok) resolve(reply.value as T);
        else reject(new Error(`load process: ${reply.error}`));
      });
      this.child.send(req);
    });
  }

  /** Connects one group of clients per server: `groups[server][room]` lists its clients' URLs. */
  connect(groups: string[][][], withBoard = false) {
    return this.ask<ConnectResult>({ cmd: 'connect', groups, withBoard });
  }

  load(updatesPerSecond: number, warmupMs: number, measureMs: number, sliceMs: number, graceMs = 1500) {
    return this.ask<LoadResult[]>({ cmd: 'load', updatesPerSecond, warmupMs, measureMs, sliceMs, graceMs });
  }

  buildHistory(writerUrl: string, observerUrl: string, updates: number, window = 500) {
    return this.ask<BuildResult>({ cmd: 'build-history', writerUrl, observerUrl, updates, window });
  }

  replayHistory() {
    return this.ask<TimedSync>({ cmd: 'replay-history' });
  }

  timeSync(url: string) {
    return this.ask<TimedSync>({ cmd: 'time-sync', url });
  }

  uploadBoard() {
    return this.ask<null>({ cmd: 'upload-board' });
  }

  disconnect() {
    return this.ask<null>({ cmd: 'disconnect' });
  }

  async stop() {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    await exited;
  }
}
