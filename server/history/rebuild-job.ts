import type { DocumentContent } from '#core/api/history';
import type { ErasedPerson } from './erased-names.ts';
import type { UpdateBatch } from './update-batch.ts';

/**
 * A moment to rebuild: a checkpoint, then the updates after it up to the moment, fed to
 * the thread in batches as the relay reads them (sources.ts, SPEC H5); `updates` gives
 * them at once instead (benchmarks and tests, through `runRebuild`).
 */
export interface MomentJob {
  checkpoint: Uint8Array | null;
  updates?: Uint8Array[];
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
  /** Who removed what since the moment (SPEC H4): the updates since follow the moment's, marked `since`. */
  | ({ kind: 'removals'; budget: RemovalsBudget } & MomentJob)
  /** The change that takes an erased person out of the live document (SPEC E1). */
  | { kind: 'erase-live'; live: Uint8Array; person: ErasedPerson }
  /** Stored updates or snapshots with the person taken out (SPEC E2): null for one that did not hold them. */
  | { kind: 'erase-stored'; blobs: Uint8Array[]; person: ErasedPerson };

/** A job rebuilt from a moment, fed its log in batches (moment-run.ts). */
export type FedJob = Extract<RebuildJob, { kind: 'content' | 'restore' | 'removals' }>;
export const isFed = (job: RebuildJob): job is FedJob => job.kind === 'content' || job.kind === 'restore' || job.kind === 'removals';

export type RebuildResult =
  /** `bytes`: about what the content weighs (its JSON's length), for the relay's cache bound. */
  | { kind: 'content'; content: DocumentContent; bytes: number }
  | { kind: 'restore'; update: Uint8Array | null }
  /** Each entry or comment of the moment gone since, with who removed it last; null: past the budget, not known. */
  | { kind: 'removals'; removed: [path: string, userId: string][] | null; steps: number; applied: number }
  | { kind: 'erase-live'; update: Uint8Array | null }
  | { kind: 'erase-stored'; blobs: (Uint8Array | null)[] }
  /** `conflict`: what stands in the way of a restore (409, nothing changed). */
  | { kind: 'failed'; error: string; conflict?: string };

/** What the relay sends the history thread: a job; for a removals job, its next batch (null: no more) or its end. */
export type ToRebuildThread = { id: number; job: RebuildJob } | { id: number; batch: UpdateBatch | null } | { id: number; abort: true };
/** What the thread answers: a job's result, or a removals job asking for its next batch. */
export type FromRebuildThread = { id: number; result: RebuildResult } | { id: number; more: true };

/** A removals job's allowance (SPEC H5): work steps, and milliseconds once the moment is rebuilt. */
export interface RemovalsBudget {
  steps: number;
  ms: number;
}
