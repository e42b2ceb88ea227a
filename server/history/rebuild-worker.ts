import { parentPort } from 'node:worker_threads';
import { MomentRun } from './moment-run.ts';
import { isFed, type RebuildResult, type ToRebuildThread } from './rebuild-job.ts';
import { runRebuild } from './rebuild.ts';
import { RestoreConflict } from './restore-plan.ts';

/** The job being fed, if any (one job at a time: rebuild-pool.ts). */
let fed: { id: number; run: MomentRun } | null = null;

const failed = (err: unknown): RebuildResult => ({
  kind: 'failed',
  error: err instanceof Error ? err.message : String(err),
  ...(err instanceof RestoreConflict ? { conflict: err.message } : {}),
});

const answer = (id: number, result: RebuildResult) => parentPort?.postMessage({ id, result });

/** Ends the fed job with its result (or a failure), letting its document go. */
function finish(id: number, result?: RebuildResult) {
  const run = fed?.id === id ? fed.run : null;
  fed = null;
  let out = result;
  try {
    const finished = run?.finish();
    out ??= finished;
  } catch (err) {
    out ??= failed(err);
  }
  answer(id, out ?? failed(new Error('no such job')));
}

/** The rebuild thread: one job at a time, each answered with its id; a job built on a moment asks for its batches (rebuild-pool.ts). */
parentPort?.on('message', (message: ToRebuildThread) => {
  const { id } = message;
  if ('job' in message) {
    try {
      if (isFed(message.job)) {
        fed = { id, run: new MomentRun(message.job) };
        parentPort?.postMessage({ id, more: true });
        return;
      }
      answer(id, runRebuild(message.job));
    } catch (err) {
      answer(id, failed(err));
    }
    return;
  }
  if (fed?.id !== id) return;
  if ('abort' in message) return finish(id, failed(new Error('stopped by the relay')));
  try {
    if (message.batch && fed.run.feed(message.batch)) parentPort?.postMessage({ id, more: true });
    else finish(id);
  } catch (err) {
    finish(id, failed(err));
  }
});
