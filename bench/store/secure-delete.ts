/**
 * What `PRAGMA secure_delete = ON` costs the store against `FAST`, on the work that frees
 * pages most: the update log of one busy activity (updates committed in small groups, a
 * snapshot every 1,000 that replaces the previous one, checkpoints every 2,000, folded
 * updates giving up their data) written through the relay's own store code. Each mode runs
 * on a fresh SQLite file, alternately, replaying the same writes (made once beforehand); figures are wall time and
 * bytes the process wrote (Linux /proc/self/io: WAL and checkpoints into the file).
 *
 *   node --import tsx bench/store/secure-delete.ts   (BENCH_UPDATES, BENCH_ROUNDS)
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { addSwotItem, editSwotItem } from '#core/doc/swot';
import { seedDocument } from '#core/doc/seed';
import { SqliteStore } from '../../server/store/db.ts';
import { migrate } from '../../server/store/migrate.ts';
import { writeSnapshot } from '../../server/sync/update-log.ts';

const TOTAL = Number(process.env.BENCH_UPDATES ?? 20_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const perCommit = 10;
const snapshotEvery = 1000;
const activityId = 'bench-secure-delete';

const written = () => Number(/write_bytes: (\d+)/.exec(readFileSync('/proc/self/io', 'utf8'))?.[1] ?? 0);

type Step = { rows: Uint8Array[] } | { snapshot: Uint8Array };

/** The log's writes, made once (Yjs work is not what is measured): groups of updates, and a snapshot every `snapshotEvery`. */
function makeSteps(): Step[] {
  const doc = new Y.Doc();
  const pending: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => pending.push(u));
  seedDocument(doc, new Date());
  const author = { id: 'bench-author-1', name: 'Bench Author' };
  const steps: Step[] = [];
  let logged = 0;
  for (let i = 0; logged < TOTAL; i++) {
    if (i % 3 === 0 || i < 50) addSwotItem(doc, { id: `item-${String(i).padStart(8, '0')}`, quadrant: 'strengths', text: `point ${i}`, author, at: new Date() });
    else editSwotItem(doc, `item-${String(((i * 7) % 50) * 3).padStart(8, '0')}`, `reworded ${i} `.repeat(3), author, new Date());
    if (pending.length < perCommit) continue;
    const rows = pending.splice(0);
    steps.push({ rows });
    logged += rows.length;
    if (logged % snapshotEvery < perCommit) steps.push({ snapshot: Y.encodeStateAsUpdate(doc) });
  }
  doc.destroy();
  return steps;
}

async function run(mode: 'FAST' | 'ON', steps: Step[]) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'conclave-bench-secure-delete-'));
  const db = await SqliteStore.open(path.join(dir, 'conclave.sqlite'), { synchronous: 'NORMAL' });
  try {
    await migrate(db);
    await db.exec(`PRAGMA secure_delete = ${mode}`);
    const bytes0 = written();
    const t0 = performance.now();
    let lastId = 0;
    let snapshotMs = 0;
    for (const step of steps) {
      if ('rows' in step) {
        const ids = await db.urgent.all<{ id: number }>(
          `INSERT INTO doc_updates (activity_id, user_id, at, data, summary) VALUES ${step.rows.map(() => '(?, ?, ?, ?, ?)').join(', ')} RETURNING id`,
          step.rows.flatMap((data) => [activityId, 'bench-author-1', new Date().toISOString(), data, '["methods"]']),
        );
        lastId = Math.max(lastId, ...ids.map((r) => r.id));
      } else {
        const s0 = performance.now();
        await writeSnapshot(db, activityId, { uptoId: lastId, data: step.snapshot, at: new Date(), foldBefore: new Date(), kept: 24, checkpointEvery: 2000 });
        snapshotMs += performance.now() - s0;
      }
    }
    await db.checkpoint();
    const ms = performance.now() - t0;
    const size = (await db.get<{ n: number }>('SELECT page_count * page_size AS n FROM pragma_page_count(), pragma_page_size()'))?.n ?? 0;
    return { ms, snapshotMs, written: written() - bytes0, size };
  } finally {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  }
}

const steps = makeSteps();
const results: Record<string, { ms: number; snapshotMs: number; written: number; size: number }[]> = { FAST: [], ON: [] };
for (let r = 0; r < ROUNDS; r++) for (const mode of r % 2 === 0 ? (['FAST', 'ON'] as const) : (['ON', 'FAST'] as const)) results[mode]!.push(await run(mode, steps));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`${TOTAL} updates, ${perCommit} per commit, snapshot every ${snapshotEvery}, ${ROUNDS} rounds, load ${os.loadavg()[0]!.toFixed(1)}`);
for (const mode of ['FAST', 'ON'] as const) {
  const rs = results[mode]!;
  console.log(`${mode.padEnd(4)} time ${rs.map((r) => (r.ms / 1000).toFixed(2)).join(' / ')} s (snapshot writes ${rs.map((r) => (r.snapshotMs / 1000).toFixed(2)).join(' / ')} s); written ${rs.map((r) => (r.written / 1e6).toFixed(1)).join(' / ')} MB; file ${(rs[0]!.size / 1e6).toFixed(1)} MB`);
}
const ratio = (f: (r: { ms: number; snapshotMs: number; written: number }) => number) => (median(results.ON!.map(f)) / median(results.FAST!.map(f))).toFixed(3);
console.log(`ON / FAST (medians): time ${ratio((r) => r.ms)}×, updates alone ${ratio((r) => r.ms - r.snapshotMs)}×, snapshot writes ${ratio((r) => r.snapshotMs)}×, bytes written ${ratio((r) => r.written)}×`);
