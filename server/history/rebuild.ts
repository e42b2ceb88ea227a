import { eraseFromDocument, eraseFromUpdate, type ErasedPerson } from './erased-names.ts';
import { changeOf } from './change.ts';
import { MomentRun } from './moment-run.ts';
import type { RebuildJob, RebuildResult } from './rebuild-job.ts';

/** Runs one job at once (in the rebuild thread, rebuild-worker.ts; directly in benchmarks and unit tests). */
export function runRebuild(job: RebuildJob): RebuildResult {
  if (job.kind === 'erase-stored') return { kind: 'erase-stored', blobs: job.blobs.map((b) => eraseOrKeep(b, job.person)) };
  if (job.kind === 'erase-live') return { kind: 'erase-live', update: changeOf(job.live, (doc) => eraseFromDocument(doc, job.person)) };
  return new MomentRun(job).finish();
}

/** A stored update Yjs cannot read (the room skips it too) is left as it is rather than stopping the erasure. */
function eraseOrKeep(blob: Uint8Array, person: ErasedPerson): Uint8Array | null {
  try {
    return eraseFromUpdate(blob, person);
  } catch {
    return null;
  }
}
