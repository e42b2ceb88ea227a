/**
 * The history benchmark's `yours` part (SPEC H4, H5): on a comment-heavy history, what a
 * contributor removed since a moment, worked out as the relay does — the log since the
 * moment read in bounded steps (sources.ts) and replayed on the history thread
 * (removals.ts) — against the reference of the whole-log replay of the same history on
 * the same thread (what the rest of the benchmark compares with). Checked against the
 * history as built: every comment of the moment its author removed since, every SWOT item
 * gone since (only that author edits the board).
 */
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { loadConfig } from '../../server/config.ts';
import { RebuildPool } from '../../server/history/rebuild-pool.ts';
import type { RebuildResult } from '../../server/history/rebuild-job.ts';
import { momentFeed, momentSources, momentThen, updatesAfter } from '../../server/history/sources.ts';
import { SqliteStore } from '../../server/store/db.ts';
import { migrate } from '../../server/store/migrate.ts';
import { activityId, author, buildHistory, commentScript, startAt, stepMs } from './history.ts';

/** Where in the history the moments are: early (most of the log after them) and late. */
const fractions = [0.2, 0.8];

export interface YoursFigures {
  rows: string[];
  logged: number;
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export async function benchYours(dir: string, total: number, options: { snapshotEvery: number; checkpointEvery: number }): Promise<YoursFigures> {
  const db = await SqliteStore.open(path.join(dir, 'yours.sqlite'), { synchronous: 'NORMAL' });
  const pool = new RebuildPool();
  try {
    await migrate(db);
    const built = performance.now();
    const { updates } = await buildHistory(db, total, options, commentScript());
    console.log(`built a comment-heavy history of ${updates} updates in ${((performance.now() - built) / 1000).toFixed(1)} s`);
    const lastId = (await db.get<{ last: number }>('SELECT MAX(id) AS last FROM doc_updates WHERE activity_id = ?', [activityId]))!.last;
    await pool.run({ kind: 'content', checkpoint: null, updates: [] }, owner); // the thread started and warm

    // The reference: the whole log replayed on the thread (the latest moment, from nothing).
    const whole = (await db.all<{ data: Buffer }>('SELECT data FROM doc_updates WHERE activity_id = ? ORDER BY id', [activityId])).map((r) => r.data);
    const reference = await measured(() => pool.run({ kind: 'content', checkpoint: null, updates: whole }, owner));
    if (reference.result.kind !== 'content') throw new Error('the whole-log replay failed');
    const end = reference.result.content;
    const config = loadConfig({});

    const rows: string[] = [];
    for (const fraction of fractions) {
      const at = new Date(startAt + Math.round(fraction * updates) * stepMs + stepMs / 2);
      const sources = await momentSources(db, activityId, at);
      const moment = await pool.run({ kind: 'content', checkpoint: sources.checkpoint }, owner, momentFeed(db, activityId, sources));
      if (moment.kind !== 'content') throw new Error('the moment did not rebuild');
      const job = (steps: number, ms: number) =>
        pool.run({ kind: 'removals', checkpoint: sources.checkpoint, budget: { steps, ms } }, owner, momentThen(momentFeed(db, activityId, sources), updatesAfter(db, activityId, sources.uptoId, lastId)));
      const ours = await measured(() => job(Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER));
      const capped = await job(config.history.replaySteps, config.history.replayMs);
      // The machine is shared: the loop's longest stall with nothing running, for as long, says what is load.
      const idle = await measured(async () => {
        await new Promise((r) => setTimeout(r, Math.min(ours.ms, 10_000)));
        return ours.result;
      });
      if (ours.result.kind !== 'removals' || !ours.result.removed || capped.kind !== 'removals') throw new Error('the removals job failed');
      const found = ours.result.removed.filter(([, by]) => by === author.id).map(([p]) => p).sort();

      // What the history as built says the author removed since the moment.
      const endComments = new Map(end.comments.map((c) => [c.id, c]));
      const endItems = new Set(end.boards.flatMap((b) => b.items.map((i) => `methods/${b.id}/items/${i.id}`)));
      const expected = [
        ...moment.content.comments.filter((c) => !c.removed && (endComments.get(c.id)?.removed as { by?: string } | undefined)?.by === author.id).map((c) => `comments/${c.id}`),
        ...moment.content.boards.flatMap((b) => b.items.map((i) => `methods/${b.id}/items/${i.id}`)).filter((p) => !endItems.has(p)),
      ].sort();
      if (JSON.stringify(found) !== JSON.stringify(expected)) throw new Error(`yours at ${fraction} differs from the history as built (${found.length} vs ${expected.length})`);

      const label = `moment at ${fmt(fraction * 100)} % (${fmt(moment.content.comments.length)} comments then, ${fmt(ours.result.applied)} updates after)`;
      rows.push(
        `| ${label}: time to work out \`yours\` | ${fmt(ours.ms, 1)} ms | ${fmt(reference.ms, 1)} ms | ${fmt(ours.ms / reference.ms, 3)}× |`,
        `| of which steps of work / per update after | ${fmt(ours.result.steps)} / ${fmt(ours.result.steps / ours.result.applied, 2)} | — | |`,
        `| longest event-loop stall meanwhile | ${fmt(ours.stall, 1)} ms | ${fmt(reference.stall, 1)} ms | ${fmt(ours.stall / reference.stall, 3)}× |`,
        `| longest event-loop stall with nothing running, for as long (the machine's load) | ${fmt(idle.stall, 1)} ms | — | |`,
        `| paths found (the author's / all removed) | ${fmt(found.length)} / ${fmt(ours.result.removed.length)} | — | |`,
        `| with the default allowance (${fmt(config.history.replaySteps)} steps, ${fmt(config.history.replayMs)} ms) | ${capped.removed ? 'answered' : `not known (stopped after ${fmt(capped.applied)} updates, ${fmt(capped.steps)} steps)`} | — | |`,
      );
    }
    return { rows, logged: updates };
  } finally {
    await pool.close();
    await db.close();
  }
}

/** A job's wall time and the relay loop's longest stall while it runs. */
async function measured(job: () => Promise<RebuildResult>) {
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  const t0 = performance.now();
  const result = await job();
  const ms = performance.now() - t0;
  await new Promise((r) => setTimeout(r, 20));
  h.disable();
  return { result, ms, stall: h.max / 1e6 };
}

/** The benchmark's own owner of history jobs. */
const owner = 'bench';
