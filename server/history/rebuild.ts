import * as Y from 'yjs';
import type { DocumentContent } from '#core/api/history';
import { documentContent } from '#core/doc/content';
import { eraseFromDocument, eraseFromUpdate, type ErasedPerson } from './erased-names.ts';
import { removalsBy } from './removals.ts';
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
    } & MomentJob)
  | ({
      kind: 'removals';
      /** Updates since the moment, with who sent each (SPEC H4). */
      after: { userId: string; data: Uint8Array }[];
      userId: string;
    } & MomentJob)
  /** The change that takes an erased person out of the live document (SPEC E1). */
  | { kind: 'erase-live'; live: Uint8Array; person: ErasedPerson }
  /** Stored updates or snapshots with the person taken out (SPEC E2): null for one that did not hold them. */
  | { kind: 'erase-stored'; blobs: Uint8Array[]; person: ErasedPerson };

export type RebuildResult =
  | { kind: 'content'; content: DocumentContent }
  | { kind: 'restore'; update: Uint8Array | null; removedBy: string | null }
  | { kind: 'removals'; paths: string[] }
  | { kind: 'erase-live'; update: Uint8Array | null }
  | { kind: 'erase-stored'; blobs: (Uint8Array | null)[] }
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
  if (job.kind === 'erase-stored') return { kind: 'erase-stored', blobs: job.blobs.map((b) => eraseOrKeep(b, job.person)) };
  if (job.kind === 'erase-live') return { kind: 'erase-live', update: changeOf(job.live, (doc) => eraseFromDocument(doc, job.person)) };
  const past = buildMoment(job);
  try {
    if (job.kind === 'content') return { kind: 'content', content: documentContent(past) };
    if (job.kind === 'removals') return { kind: 'removals', paths: removalsBy(past, job.after, job.userId) };
    const update = changeOf(job.live, (live) => restoreInto(live, past, job.path));
    const removedBy = job.after && job.path ? lastRemover(past, job.after, job.path) : null;
    return { kind: 'restore', update, removedBy };
  } finally {
    past.destroy();
  }
}

/** What `change` does to the live document `state`, as one update (null: nothing). */
function changeOf(state: Uint8Array, change: (doc: Y.Doc) => void): Uint8Array | null {
  const live = new Y.Doc();
  try {
    Y.applyUpdate(live, state);
    let update: Uint8Array | null = null;
    live.on('update', (u: Uint8Array) => (update = update ? Y.mergeUpdates([update, u]) : u));
    change(live);
    return update;
  } finally {
    live.destroy();
  }
}

/** A stored update Yjs cannot read (the room skips it too) is left as it is rather than stopping the erasure. */
function eraseOrKeep(blob: Uint8Array, person: ErasedPerson): Uint8Array | null {
  try {
    return eraseFromUpdate(blob, person);
  } catch {
    return null;
  }
}
