import { parentPort } from 'node:worker_threads';
import { runRebuild, type RebuildJob, type RebuildResult } from './rebuild.ts';
import { BoardGone } from './restore-plan.ts';

/** The rebuild thread: one job at a time, each answered with its id (rebuild-pool.ts). */
parentPort?.on('message', ({ id, job }: { id: number; job: RebuildJob }) => {
  let result: RebuildResult;
  try {
    result = runRebuild(job);
  } catch (err) {
    result = { kind: 'failed', error: err instanceof Error ? err.message : String(err), boardGone: err instanceof BoardGone };
  }
  parentPort?.postMessage({ id, result });
});
