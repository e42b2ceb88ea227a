import * as Y from 'yjs';
import type { DocumentContent } from '#core/api/history';
import { documentContent } from '#core/doc/content';
import { lastRemover, restoreInto } from './restore-plan.ts';

/** A moment to rebuild: a checkpoint and the updates after it (sources.ts). */
export interface MomentJob {
  checkpoint: Uint8Array | null;
  updates: Uint8Array[];
}

export type RebuildJob =
  | ({ kind: 'content' } & MomentJob)
  | ({
      kind: 'restore';
      /** The live document's state, which the restore is computed against. */
      live: Uint8Array;
      path: string | null;
      /** Updates since the moment, when who removed `path` must be known (a member restoring). */
      after: { userId: string; data: Uint8Array }[] | null;
    } & MomentJob);

export type RebuildResult =
  | { kind: 'content'; content: DocumentContent }
  | { kind: 'restore'; update: Uint8Array | null; removedBy: string | null }
  | { kind: 'failed'; error: string; boardGone?: boolean };

/** The document at a moment: its checkpoint, then each update after it, in one transaction. */
export function buildMoment(job: MomentJob): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    if (job.checkpoint) Y.applyUpdate(doc, job.checkpoint);
    for (const update of job.updates) Y.applyUpdate(doc, update);
  });
  return doc;
}

/** Runs one job (in the rebuild thread, rebuild-worker.ts; directly in unit tests). */
export function runRebuild(job: RebuildJob): RebuildResult {
  const past = buildMoment(job);
  try {
    if (job.kind === 'content') return { kind: 'content', content: documentContent(past) };
    const live = new Y.Doc();
    Y.applyUpdate(live, job.live);
    let update: Uint8Array | null = null;
    live.on('update', (u: Uint8Array) => (update = update ? Y.mergeUpdates([update, u]) : u));
    restoreInto(live, past, job.path);
    live.destroy();
    const removedBy = job.after && job.path ? lastRemover(past, job.after, job.path) : null;
    return { kind: 'restore', update, removedBy };
  } finally {
    past.destroy();
  }
}
