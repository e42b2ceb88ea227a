/**
 * The restore path (POST /api/activities/:id/restore, SPEC H2–H5) on the history run.ts
 * builds: for moments spread over it, the restore of the whole activity and of one board,
 * computed as the relay does (the nearest checkpoint, the log after it read in steps,
 * rebuilt and restored against the live document on the history thread's code), against the
 * reference, the same restore computed from the whole log replayed up to the moment, in
 * the same run on the same SQLite file. Each restore's outcome is checked equal to the
 * reference's (both updates applied to copies of the live document give the same content).
 */
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import type { Database } from '../../server/store/db.ts';
import { momentFeed, momentSources } from '../../server/history/sources.ts';
import { unpackUpdates, type UpdateBatch } from '../../server/history/update-batch.ts';
import { runRebuild } from '../../server/history/rebuild.ts';
import { activityId } from './history.ts';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const max = (xs: number[]) => Math.max(...xs);
const fmt = (n: number, digits = 0) => n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** The live document as the room would hand it: the current snapshot and the log after it. */
async function liveState(db: Database): Promise<Uint8Array> {
  const snap = await db.get<{ data: Buffer; upto_id: number }>('SELECT data, upto_id FROM doc_snapshots WHERE activity_id = ?', [activityId]);
  const doc = new Y.Doc();
  if (snap) Y.applyUpdate(doc, snap.data);
  const rest = await db.all<{ data: Buffer }>('SELECT data FROM doc_updates WHERE activity_id = ? AND id > ? ORDER BY id', [activityId, snap?.upto_id ?? 0]);
  for (const r of rest) if (r.data.length > 0) Y.applyUpdate(doc, r.data);
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}

/** What the live document holds once `update` is applied to a copy of it. */
function outcome(live: Uint8Array, update: Uint8Array | null): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, live);
  if (update) Y.applyUpdate(doc, update);
  const json = JSON.stringify(doc.toJSON());
  doc.destroy();
  return json;
}

function restoreOf(result: ReturnType<typeof runRebuild>): Uint8Array | null {
  if (result.kind !== 'restore') throw new Error(`restore failed: ${result.kind === 'failed' ? result.error : result.kind}`);
  return result.update;
}

/** Rows of the restore part: time to compute a restore, ours against the whole log's, and updates replayed. */
export async function benchRestore(db: Database, moments: Date[]): Promise<string[]> {
  const live = await liveState(db);
  const liveDoc = new Y.Doc();
  Y.applyUpdate(liveDoc, live);
  // One board that stands now: the one the SWOT history writes to.
  const board = [...liveDoc.getMap('methods').keys()][0];
  liveDoc.destroy();
  const paths: [string, string | null][] = [['the whole activity', null]];
  if (board) paths.push(['one board', `methods/${board}`]);
  const rows: string[] = [];
  for (const [what, path] of paths) {
    const ours: number[] = [];
    const theirs: number[] = [];
    const replayed: number[] = [];
    const whole: number[] = [];
    for (const at of moments) {
      let t0 = performance.now();
      const sources = await momentSources(db, activityId, at);
      const updates = await readAll(momentFeed(db, activityId, sources));
      const mine = restoreOf(runRebuild({ kind: 'restore', checkpoint: sources.checkpoint, live, path, replace: true, updates }));
      ours.push(performance.now() - t0);
      replayed.push(updates.length);
      t0 = performance.now();
      const all = await db.all<{ data: Buffer }>('SELECT data FROM doc_updates WHERE activity_id = ? AND at <= ? ORDER BY id', [activityId, at.toISOString()]);
      const reference = restoreOf(runRebuild({ kind: 'restore', checkpoint: null, live, path, replace: true, updates: all.map((r) => r.data) }));
      theirs.push(performance.now() - t0);
      whole.push(all.length);
      if (outcome(live, mine) !== outcome(live, reference)) throw new Error(`the restore of ${what} at ${at.toISOString()} differs from the whole replay's`);
    }
    rows.push(
      `| restore ${what}, median | ${fmt(median(ours), 1)} ms | ${fmt(median(theirs), 1)} ms | ${fmt(median(ours) / median(theirs), 3)}× |`,
      `| restore ${what}, worst of ${moments.length} | ${fmt(max(ours), 1)} ms | ${fmt(max(theirs), 1)} ms | ${fmt(max(ours) / max(theirs), 3)}× |`,
    );
    if (path === null) {
      rows.push(
        `| restore: updates replayed, median (worst) | ${fmt(median(replayed))} (${fmt(max(replayed))}) | ${fmt(median(whole))} (${fmt(max(whole))}) | ${fmt(median(replayed) / median(whole), 3)}× |`,
      );
    }
  }
  return rows;
}

async function readAll(feed: () => Promise<UpdateBatch | null>): Promise<Uint8Array[]> {
  const out: Uint8Array[] = [];
  for (let batch = await feed(); batch; batch = await feed()) for (const u of unpackUpdates(batch)) out.push(u.data);
  return out;
}
