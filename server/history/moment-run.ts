import * as Y from 'yjs';
import { documentContent } from '#core/doc/content';
import { changeOf } from './change.ts';
import type { FedJob, RebuildResult } from './rebuild-job.ts';
import { RemovalsReplay } from './removals.ts';
import { restoreInto } from './restore-plan.ts';
import { unpackUpdates, type UpdateBatch } from './update-batch.ts';

/**
 * A job built on a moment (SPEC H1, H2, H4), run in the history thread: the checkpoint,
 * then the moment's updates as the relay feeds them, a batch at a time (sources.ts: at most
 * 500 rows and 4 MiB a step, SPEC H5), then what the job asks of the moment. A removals job
 * is then fed the updates since the moment (`since` batches), replayed within its
 * allowance: `feed` is false once it is spent, and the result then says the answer is not
 * known.
 */
export class MomentRun {
  private readonly doc = new Y.Doc();
  private replay: RemovalsReplay | null = null;

  constructor(
    private readonly job: FedJob,
    private readonly now: () => number = Date.now,
  ) {
    this.doc.transact(() => {
      if (job.checkpoint) Y.applyUpdate(this.doc, job.checkpoint);
      for (const update of job.updates ?? []) Y.applyUpdate(this.doc, update);
    });
  }

  /** Takes one batch; false when the job wants no more (its allowance spent). */
  feed(batch: UpdateBatch): boolean {
    const updates = unpackUpdates(batch);
    if (batch.since) {
      if (this.job.kind !== 'removals') throw new Error('only a removals job replays the log since its moment');
      const replay = this.startReplay();
      for (const update of updates) if (!replay.apply(update)) return false;
      return true;
    }
    if (this.replay) throw new Error("the moment's updates come before those since");
    this.doc.transact(() => {
      for (const update of updates) Y.applyUpdate(this.doc, update.data);
    });
    return true;
  }

  /** The job's answer (call once fed); the document is let go. */
  finish(): RebuildResult {
    const { job, doc } = this;
    try {
      if (job.kind === 'content') {
        const content = documentContent(doc);
        return { kind: 'content', content, bytes: JSON.stringify(content).length };
      }
      if (job.kind === 'restore') return { kind: 'restore', update: changeOf(job.live, (live) => restoreInto(live, doc, job.path, { replace: job.replace })) };
      const replay = this.startReplay();
      replay.close();
      return { kind: 'removals', removed: replay.over ? null : replay.removed(), steps: replay.steps, applied: replay.applied };
    } finally {
      doc.destroy();
    }
  }

  /** The replay of the log since, once the moment is built: its time allowance starts then (the moment's rebuild is bounded by D6). */
  private startReplay(): RemovalsReplay {
    if (this.job.kind !== 'removals') throw new Error('not a removals job');
    const { steps, ms } = this.job.budget;
    return (this.replay ??= new RemovalsReplay(this.doc, { steps, until: this.now() + ms }, this.now));
  }
}
