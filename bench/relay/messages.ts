/** What the bench asks of a load process, and what it answers (over IPC). */
export type WorkerRequest =
  | {
      cmd: 'connect';
      /** Per server under test, one list of WebSocket URLs per room: every URL becomes one client. */
      groups: string[][][];
      /** Pre-fill each client's document with a sample activity board before it syncs. */
      withBoard: boolean;
    }
  | { cmd: 'load'; updatesPerSecond: number; warmupMs: number; measureMs: number; sliceMs: number; graceMs: number }
  | { cmd: 'build-history'; writerUrl: string; observerUrl: string; updates: number; window: number }
  | { cmd: 'replay-history' }
  | { cmd: 'time-sync'; url: string }
  | { cmd: 'upload-board' }
  | { cmd: 'disconnect' };

export interface ConnectResult {
  connected: number;
  failed: number;
  firstError: string | null;
  ms: number;
}

/** What one group of clients (one server) saw during a load. */
export interface LoadResult {
  /** Updates sent while measuring, and the deliveries to peers they should cause. */
  sent: number;
  expected: number;
  received: number;
  /** Edit-to-peer latencies (ms) of the updates sent while measuring. */
  latencies: Float64Array;
  /** Updates sent over warm-up and measurement together, and how long this group was the one loaded. */
  sentTotal: number;
  activeMs: number;
  /** The load process's own health over the load (the same for every group): if it is busy, figures mean little. */
  loadCpuPercent: number;
  loadLoopDelayP99: number;
  /** Its longest garbage-collection pause (ms) and its heap in use (MB) at the end. */
  loadGcMaxMs: number;
  loadHeapMB: number;
}

export interface BuildResult {
  updates: number;
  bytes: number;
  /** From the first update sent to the observer receiving the last one. */
  ms: number;
}

export interface TimedSync {
  ms: number;
  /** Size of the sync step 2 the server answered with. */
  bytes: number;
  /** The text length the loaded document holds, to check the load was whole. */
  textLength: number;
}

export type WorkerReply =
  | { ok: true; value: ConnectResult | LoadResult[] | BuildResult | TimedSync | null }
  | { ok: false; error: string };
