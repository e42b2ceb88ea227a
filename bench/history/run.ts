/**
 * History benchmark: rebuilding a past moment of a 100,000-update history (SPEC D6, H1)
 * from the nearest checkpoint plus the updates after it, against the reference of
 * replaying the whole log up to that moment, in the same run on the same SQLite file.
 * Also the storage checkpoints cost beside the log, and the relay's event loop while a
 * moment is rebuilt on the history thread (as the relay does) against on the loop itself.
 * Then (yours.ts) what a contributor removed since a moment, on a comment-heavy history.
 * Then (restore.ts) the restore path, whole activity and one board, against the same
 * restore computed from the whole log. Writes the "History" section of bench/RESULTS.md.
 * `BENCH_HISTORY_ONLY=yours` (or `restore`) runs only that part and prints its rows without writing.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { SqliteStore } from '../../server/store/db.ts';
import { migrate } from '../../server/store/migrate.ts';
import { momentFeed, momentSources } from '../../server/history/sources.ts';
import { unpackUpdates, type UpdateBatch } from '../../server/history/update-batch.ts';
import { runRebuild } from '../../server/history/rebuild.ts';
import { RebuildPool } from '../../server/history/rebuild-pool.ts';
import { activityId, buildHistory, startAt, stepMs } from './history.ts';
import { benchYours, type YoursFigures } from './yours.ts';
import { benchRestore } from './restore.ts';

const root = path.resolve(import.meta.dirname, '../..');
const TOTAL = Number(process.env.BENCH_HISTORY_UPDATES ?? 100_000);
const ONLY = process.env.BENCH_HISTORY_ONLY ?? '';
const MOMENTS = Number(process.env.BENCH_HISTORY_MOMENTS ?? 15);
const snapshotEvery = 1000;
const checkpointEvery = 2000;
const loadAtStart = os.loadavg();

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const max = (xs: number[]) => Math.max(...xs);
const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-GB', {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  });

async function main() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'conclave-bench-history-'));
  const db = await SqliteStore.open(path.join(dir, 'conclave.sqlite'), {
    synchronous: 'NORMAL',
  });
  try {
    if (ONLY === 'yours') {
      const { rows } = await benchYours(dir, TOTAL, { snapshotEvery, checkpointEvery });
      for (const r of rows) console.log(r);
      return;
    }
    await migrate(db);
    const built = performance.now();
    const { updates } = await buildHistory(db, TOTAL, {
      snapshotEvery,
      checkpointEvery,
    });
    console.log(`built ${updates} updates in ${((performance.now() - built) / 1000).toFixed(1)} s`);

    // Moments spread over the whole history, each between two updates.
    const moments = Array.from(
      { length: MOMENTS },
      (_, i) => new Date(startAt + Math.round(((i + 0.37) / MOMENTS) * updates) * stepMs + stepMs / 2),
    );
    if (ONLY === 'restore') {
      for (const r of await benchRestore(db, moments)) console.log(r);
      return;
    }
    const ours: { total: number; read: number; replayed: number }[] = [];
    const reference: { total: number; replayed: number }[] = [];
    for (const at of moments) {
      // Ours: nearest checkpoint, then the updates after it (sources.ts + rebuild.ts).
      let t0 = performance.now();
      const sources = await momentSources(db, activityId, at);
      const updates = await readAll(momentFeed(db, activityId, sources));
      const read = performance.now() - t0;
      const mine = runRebuild({ kind: 'content', checkpoint: sources.checkpoint, updates });
      ours.push({
        total: performance.now() - t0,
        read,
        replayed: updates.length,
      });
      // Reference: the whole log from the start up to the same moment.
      t0 = performance.now();
      const rows = await db.all<{ data: Buffer }>('SELECT data FROM doc_updates WHERE activity_id = ? AND at <= ? ORDER BY id', [
        activityId,
        at.toISOString(),
      ]);
      const theirs = runRebuild({
        kind: 'content',
        checkpoint: null,
        updates: rows.map((r) => r.data),
      });
      reference.push({ total: performance.now() - t0, replayed: rows.length });
      if (mine.kind !== 'content' || theirs.kind !== 'content' || JSON.stringify(mine.content) !== JSON.stringify(theirs.content)) {
        throw new Error(`the rebuilt moment ${at.toISOString()} differs from the whole replay`);
      }
    }

    // Storage: the log, the checkpoints, the current snapshot.
    const [store] = await db.all<{
      log: number;
      rows: number;
      past: number;
      pastBytes: number;
      current: number;
    }>(
      `SELECT (SELECT SUM(length(data)) FROM doc_updates WHERE activity_id = ?1) AS log,
              (SELECT COUNT(*) FROM doc_updates WHERE activity_id = ?1) AS rows,
              (SELECT COUNT(*) FROM doc_past_snapshots WHERE activity_id = ?1) AS past,
              (SELECT COALESCE(SUM(length(data)), 0) FROM doc_past_snapshots WHERE activity_id = ?1) AS pastBytes,
              (SELECT length(data) FROM doc_snapshots WHERE activity_id = ?1) AS current`,
      [activityId],
    );

    // The event loop while the latest moment is rebuilt: on the history thread, and on the loop.
    const latest = moments.at(-1)!;
    const sources = await momentSources(db, activityId, latest);
    const pool = new RebuildPool();
    await pool.run({ kind: 'content', checkpoint: null, updates: [] }, owner); // the thread started and warm
    const whole = (await db.all<{ data: Buffer }>('SELECT data FROM doc_updates WHERE activity_id = ? ORDER BY id', [activityId])).map(
      (r) => r.data,
    );
    const loop = async (job: () => Promise<unknown>) => {
      const h = monitorEventLoopDelay({ resolution: 1 });
      h.enable();
      await new Promise((r) => setTimeout(r, 20));
      await job();
      await new Promise((r) => setTimeout(r, 20));
      h.disable();
      return h.max / 1e6;
    };
    const threadDelay = await loop(() => pool.run({ kind: 'content', checkpoint: null, updates: whole }, owner));
    const inlineDelay = await loop(async () => runRebuild({ kind: 'content', checkpoint: null, updates: whole }));
    const threadCheckpointDelay = await loop(() =>
      pool.run({ kind: 'content', checkpoint: sources.checkpoint }, owner, momentFeed(db, activityId, sources)),
    );
    await pool.close();

    const rows = [
      `| time to rebuild a moment, median | ${fmt(median(ours.map((o) => o.total)), 1)} ms | ${fmt(median(reference.map((o) => o.total)), 1)} ms | ${fmt(median(ours.map((o) => o.total)) / median(reference.map((o) => o.total)), 3)}× |`,
      `| time to rebuild a moment, worst of ${MOMENTS} | ${fmt(max(ours.map((o) => o.total)), 1)} ms | ${fmt(max(reference.map((o) => o.total)), 1)} ms | ${fmt(max(ours.map((o) => o.total)) / max(reference.map((o) => o.total)), 3)}× |`,
      `| of which reading the store, median | ${fmt(median(ours.map((o) => o.read)), 1)} ms | — | |`,
      `| updates replayed, median (worst) | ${fmt(median(ours.map((o) => o.replayed)))} (${fmt(max(ours.map((o) => o.replayed)))}) | ${fmt(median(reference.map((o) => o.replayed)))} (${fmt(max(reference.map((o) => o.replayed)))}) | ${fmt(median(ours.map((o) => o.replayed)) / median(reference.map((o) => o.replayed)), 3)}× |`,
      `| stored: log + checkpoints + current snapshot | ${fmt((store!.log + store!.pastBytes + (store!.current ?? 0)) / 1024)} kB | ${fmt(store!.log / 1024)} kB (log alone) | ${fmt((store!.log + store!.pastBytes + (store!.current ?? 0)) / store!.log, 2)}× |`,
      `| checkpoints kept | ${fmt(store!.past)} (${fmt(store!.pastBytes / 1024)} kB) | — | |`,
      `| longest event-loop stall, whole-log replay on the history thread vs on the loop | ${fmt(threadDelay, 1)} ms | ${fmt(inlineDelay, 1)} ms | ${fmt(threadDelay / inlineDelay, 3)}× |`,
      `| longest event-loop stall, checkpoint rebuild on the history thread | ${fmt(threadCheckpointDelay, 1)} ms | — | |`,
      ...(await benchRestore(db, moments)),
    ];
    for (const r of rows) console.log(r);
    const yours = await benchYours(dir, TOTAL, { snapshotEvery, checkpointEvery });
    for (const r of yours.rows) console.log(r);
    writeSection(rows, store!.rows, yours);
  } finally {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  }
}

function writeSection(rows: string[], logged: number, yours: YoursFigures) {
  const file = path.join(root, 'bench', 'RESULTS.md');
  const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
  const section = `## History

${when} UTC — \`npm run bench\` (bench/history/run.ts) — ${os.cpus().length} cores, Node ${process.versions.node}, load average ${loadAtStart.map((l) => l.toFixed(2)).join(' ')} at start, ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} at end (the machine is shared: compare the ratios)

A history of ${fmt(logged)} logged updates (one a second: keystrokes in the brief, SWOT items
added, reworded and removed) written through the relay's own store code into a SQLite
file, with a snapshot every ${fmt(snapshotEvery)} updates and a checkpoint kept every ${fmt(checkpointEvery)}
(\`CONCLAVE_SNAPSHOT_EVERY\`, \`CONCLAVE_CHECKPOINT_EVERY\`, SPEC D6). ${MOMENTS} moments spread over
it are rebuilt to the JSON \`GET …/document?at=\` answers: the nearest checkpoint at or before the
moment plus the updates after it (server/history/sources.ts, rebuild.ts), against the
reference, the whole log replayed from the start up to the same moment, in the same run on
the same file; each rebuilt moment is checked equal to the reference's. The event-loop rows
rebuild the latest moment from the whole log (the heaviest job) on the relay's history
thread and directly on the loop, measuring the loop's longest stall meanwhile.

| measure | checkpoints (ours) | whole log (reference) | ratio |
| --- | ---: | ---: | ---: |
${rows.join('\n')}

What a contributor removed since a moment (\`yours\`, SPEC H4, H5), on a comment-heavy history
of ${fmt(yours.logged)} updates (two people: four changes in ten add a comment, three remove one of
their own, the rest are keystrokes and SWOT items): the log since the moment read in steps
of 500 rows / 4 MiB and replayed on the history thread without a budget (and once with the
default allowance), against the reference, the whole log of that history replayed on the
same thread; each answer checked against the history as built.

| measure | yours | whole log (reference) | ratio |
| --- | ---: | ---: | ---: |
${yours.rows.join('\n')}
`;
  let text = readFileSync(file, 'utf8');
  const start = text.indexOf('## History\n');
  if (start >= 0) {
    const next = text.indexOf('\n## ', start + 1);
    text = text.slice(0, start) + section + (next >= 0 ? `\n${text.slice(next + 1)}` : '');
  } else text = `${text.trimEnd()}\n\n${section}`;
  writeFileSync(file, text);
  console.log('wrote the History section of bench/RESULTS.md');
}

await main();

/** The benchmark's own owner of history jobs. */
const owner = 'bench';

/** Every update a feed gives, read step by step as the relay does. */
async function readAll(feed: () => Promise<UpdateBatch | null>): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for (let batch = await feed(); batch; batch = await feed()) for (const u of unpackUpdates(batch)) out.push(u.data);
  return out;
}
