import * as Y from 'yjs';
import type { DocumentContent } from '#core/api/history';
import { documentContent } from '#core/doc/content';
import { eraseFromDocument, eraseFromUpdate, type ErasedPerson } from './erased-names.ts';
import { RemovalsReplay } from './removals.ts';
import { unpackUpdates, type UpdateBatch } from './update-batch.ts';
import { restoreInto } from './restore-plan.ts';

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
      /** Whether another entry standing where one goes back is replaced (a facilitator) or refuses it (restore-plan.ts). */
      replace: boolean;
    } & MomentJob)
  /** Who removed what since the moment (SPEC H4): the updates since are fed in batches (`RemovalsRun`). */
  | ({ kind: 'removals'; budget: RemovalsBudget } & MomentJob)
  /** The change that takes an erased person out of the live document (SPEC E1). */
  | { kind: 'erase-live'; live: Uint8Array; person: ErasedPerson }
  /** Stored updates or snapshots with the person taken out (SPEC E2): null for one that did not hold them. */
  | { kind: 'erase-stored'; blobs: Uint8Array[]; person: ErasedPerson };

export type RebuildResult =
  | { kind: 'content'; content: DocumentContent }
  | { kind: 'restore'; update: Uint8Array | null }
  /** Each entry or comment of the moment gone since, with who removed it last; null: past the budget, not known. */
  | { kind: 'removals'; removed: [path: string, userId: string][] | null; steps: number; applied: number }
  | { kind: 'erase-live'; update: Uint8Array | null }
  | { kind: 'erase-stored'; blobs: (Uint8Array | null)[] }
  /** `conflict`: what stands in the way of a restore (409, nothing changed). */
  | { kind: 'failed'; error: string; conflict?: string };

/** The document at a moment: its checkpoint, then each update after it, in one transaction. */
export function buildMoment(job: MomentJob): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    if (job.checkpoint) Y.applyUpdate(doc, job.checkpoint);
    for (const update of job.updates) Y.applyUpdate(doc, update);
  });
  return doc;
}

/** What the relay sends the history thread: a job; for a removals job, its next batch (null: no more) or its end. */
export type ToRebuildThread = { id: number; job: RebuildJob } | { id: number; batch: UpdateBatch | null } | { id: number; abort: true };
/** What the thread answers: a job's result, or a removals job asking for its next batch. */
export type FromRebuildThread = { id: number; result: RebuildResult } | { id: number; more: true };

/** Runs one job (in the rebuild thread, rebuild-worker.ts; directly in unit tests). */
export function runRebuild(job: RebuildJob): RebuildResult {
  if (job.kind === 'erase-stored') return { kind: 'erase-stored', blobs: job.blobs.map((b) => eraseOrKeep(b, job.person)) };
  if (job.kind === 'erase-live') return { kind: 'erase-live', update: changeOf(job.live, (doc) => eraseFromDocument(doc, job.person)) };
  const past = buildMoment(job);
  try {
    if (job.kind === 'content') return { kind: 'content', content: documentContent(past) };
    if (job.kind === 'removals') throw new Error('a removals job is fed in batches: RemovalsRun');
    return { kind: 'restore', update: changeOf(job.live, (live) => restoreInto(live, past, job.path, { replace: job.replace })) };
  } finally {
    past.destroy();
  }
}

/** A removals job's allowance (SPEC H5): work steps, and milliseconds once the moment is rebuilt. */
export interface RemovalsBudget {
  steps: number;
  ms: number;
}

/**
 * A removals job (SPEC H4, H5): the moment rebuilt, then the updates since fed batch by
 * batch as the relay reads them; `feed` is false once the budget is spent, and the result
 * then says the answer is not known. Run in the history thread (rebuild-worker.ts).
 */
export class RemovalsRun {
  private readonly past: Y.Doc;
  private readonly replay: RemovalsReplay;

  constructor(job: MomentJob & { budget: RemovalsBudget }, now: () => number = Date.now) {
    // The moment's rebuild is bounded already (SPEC D6, as any moment's); the allowance is for what follows.
    this.past = buildMoment(job);
    this.replay = new RemovalsReplay(this.past, { steps: job.budget.steps, until: now() + job.budget.ms }, now);
  }

  feed(batch: UpdateBatch): boolean {
    for (const update of unpackUpdates(batch)) if (!this.replay.apply(update)) return false;
    return true;
  }

  /** The answer so far (call once the log is fed); the document is let go. */
  finish(): RebuildResult {
    const { replay } = this;
    replay.close();
    this.past.destroy();
    const removed = replay.over ? null : replay.removed();
    return { kind: 'removals', removed, steps: replay.steps, applied: replay.applied };
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
