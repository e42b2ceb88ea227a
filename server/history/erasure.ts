import type { Context } from '../context.ts';
import { Pump } from '../pump.ts';
import { jobLease } from '../nodes/job-lease.ts';
import type { Queries } from '../store/db.ts';
import { dialect } from '../store/dialect.ts';
import type { Engine } from '../store/store.ts';
import type { ErasedPerson } from './erased-names.ts';
import { relayOwner, type HistoryService } from './service.ts';

/** Stored updates read per statement, and bytes of them rewritten per step (the relay's memory and its loop stay small). */
const rowsPerBatch = 500;
const bytesPerBatch = 4 * 1024 * 1024;

type Step = 'live' | 'updates' | 'snapshot' | 'past';

interface Pending {
  seq: number;
  user_id: string;
  activity_id: string;
  by_id: string;
  former: string;
  needles: string;
  step: Step;
  cursor: number;
}

/**
 * Takes erased people out of the activities' documents (SPEC E1–E4), in the background:
 * `erasure_documents` rows are written by the erase itself (server/people/erase.ts) and
 * taken one at a time, step by step, each step committed with where it stopped, so a
 * relay killed mid-way goes on at start. First the live document, through its room (E1);
 * then the log, the current snapshot and the past ones, rewritten in batches on the
 * rebuild thread (E2). Rows are picked by their bytes in SQLite (`instr`), so only those
 * that hold the person are read into the relay.
 */
export class DocumentErasure {
  private readonly pump: Pump;
  private stopped = false;

  constructor(
    private readonly ctx: Context,
    private readonly history: HistoryService,
  ) {
    this.pump = new Pump('document erasure', { log: ctx.log, now: ctx.now, work: () => this.work(), everyMs: 1000, lease: jobLease(ctx, 'document-erasure') });
  }

  /** Goes on with what a stopped relay left; does not hold the start. */
  start() {
    void this.pump.start();
  }

  stop() {
    this.stopped = true;
    return this.pump.stop();
  }

  private async work() {
    while (!this.stopped) {
      const row = await this.ctx.db.get<Pending>('SELECT * FROM erasure_documents ORDER BY seq LIMIT 1');
      if (!row) break;
      await this.advance(row);
    }
    if (this.stopped || !(await this.ctx.db.get('SELECT 1 AS due FROM erasure_wipe_due'))) return;
    // E4: pages freed before (old snapshots, folded updates) may still hold them: zeroed.
    // The WAL still holds pages as they were: copied into the file, and emptied.
    // The flag goes only once the file itself is clean (a reader of the file sees the wipe done).
    await this.ctx.db.scrubFreePages();
    await this.ctx.db.checkpoint();
    await this.ctx.db.run('DELETE FROM erasure_wipe_due');
    await this.ctx.db.checkpoint();
  }

  private async advance(row: Pending) {
    const person: ErasedPerson = { id: row.user_id, needles: JSON.parse(row.needles) as string[], former: row.former };
    const match = matcher(person, this.ctx.db.engine);
    switch (row.step) {
      case 'live':
        await this.live(row, person, match);
        return this.setStep(row, 'updates', 0);
      case 'updates':
        return this.updates(row, person, match);
      case 'snapshot':
        return this.snapshot(row, person, match);
      case 'past':
        return this.past(row, person, match);
    }
  }

  /** E1: the live document, when what it is made of (snapshot and the log after it) names them. */
  private async live(row: Pending, person: ErasedPerson, match: Match) {
    const held = await this.ctx.db.get<{ held: number }>(
      `SELECT EXISTS (SELECT 1 FROM doc_snapshots WHERE activity_id = ? AND (${match.sql}))
           OR EXISTS (SELECT 1 FROM doc_updates WHERE activity_id = ? AND bytes IS NULL AND (${match.sql})
                        AND id > COALESCE((SELECT upto_id FROM doc_snapshots WHERE activity_id = ?), 0)) AS held`,
      [row.activity_id, ...match.params, row.activity_id, ...match.params, row.activity_id],
    );
    if (!held?.held) return;
    const live = await this.ctx.documents.state(row.activity_id);
    const result = await this.history.run({ kind: 'erase-live', live, person }, relayOwner);
    if (result.kind !== 'erase-live') throw new Error(result.kind === 'failed' ? result.error : 'unexpected rebuild result');
    // Logged as the administrator's change: the relay writes it, every connection receives it.
    // The relay's own job: not held to the administrator's caps (W14), only the document's (L9).
    if (result.update) await this.ctx.documents.apply(row.activity_id, row.by_id, result.update, { system: true });
  }

  /**
   * E2: the log, in batches of rows after the cursor. SQLite says which rows hold the
   * person's bytes and their sizes; only those are read, at most `bytesPerBatch` at a time.
   */
  private async updates(row: Pending, person: ErasedPerson, match: Match) {
    const rows = await this.ctx.db.all<{ id: number; holds: number; size: number }>(
      `SELECT id, ${match.sql} AS holds, length(data) AS size FROM doc_updates
        WHERE activity_id = ? AND id > ? AND bytes IS NULL ORDER BY id LIMIT ${rowsPerBatch}`,
      [...match.params, row.activity_id, row.cursor],
    );
    if (rows.length === 0) return this.setStep(row, 'snapshot', 0);
    const ids: number[] = [];
    let bytes = 0;
    let cursor = row.cursor;
    for (const r of rows) {
      if (r.holds && ids.length > 0 && bytes + r.size > bytesPerBatch) break;
      if (r.holds) {
        ids.push(r.id);
        bytes += r.size;
      }
      cursor = r.id;
    }
    const batch = ids.length === 0 ? [] : await this.ctx.db.all<{ id: number; data: Buffer }>(`SELECT id, data FROM doc_updates WHERE id IN (${ids.map(() => '?').join(', ')}) ORDER BY id`, ids);
    const rewritten = await this.rewrite(batch.map((b) => b.data), person);
    await this.write(async (tx) => {
      for (const [i, data] of rewritten.entries()) {
        if (data) await tx.run('UPDATE doc_updates SET data = ? WHERE id = ? AND bytes IS NULL', [data, batch[i]!.id]);
      }
      await tx.run('UPDATE erasure_documents SET cursor = ? WHERE seq = ?', [cursor, row.seq]);
    });
    if (this.ctx.config.erasureCrashAt === 'after-updates-batch' && ids.length > 0) process.kill(process.pid, 'SIGKILL');
  }

  /**
   * E2: the current snapshot. A room may write a newer one meanwhile (from its document,
   * already without the person): the rewrite applies only to the one read, else it is read again.
   */
  private async snapshot(row: Pending, person: ErasedPerson, match: Match) {
    const snap = await this.ctx.db.get<{ upto_id: number; data: Buffer }>(
      `SELECT upto_id, data FROM doc_snapshots WHERE activity_id = ? AND (${match.sql})`,
      [row.activity_id, ...match.params],
    );
    const [data] = snap ? await this.rewrite([snap.data], person) : [null];
    if (snap && data) {
      let changes = 0;
      await this.write(async (tx) => {
        changes = (await tx.run('UPDATE doc_snapshots SET data = ? WHERE activity_id = ? AND upto_id = ?', [data, row.activity_id, snap.upto_id])).changes;
      });
      if (changes === 0) return;
    }
    await this.setStep(row, 'past', 0);
  }

  /** E2: the past snapshots (checkpoints), one at a time: each may be large, and SQLite reads only that one. */
  private async past(row: Pending, person: ErasedPerson, match: Match) {
    const next = await this.ctx.db.get<{ upto_id: number; data: Buffer | null }>(
      `SELECT upto_id, CASE WHEN ${match.sql} THEN data END AS data FROM doc_past_snapshots
        WHERE activity_id = ? AND upto_id > ? ORDER BY upto_id LIMIT 1`,
      [...match.params, row.activity_id, row.cursor],
    );
    if (!next) return this.finish(row);
    const [data] = next.data ? await this.rewrite([next.data], person) : [null];
    await this.write(async (tx) => {
      if (data) await tx.run('UPDATE doc_past_snapshots SET data = ? WHERE activity_id = ? AND upto_id = ?', [data, row.activity_id, next.upto_id]);
      await tx.run('UPDATE erasure_documents SET cursor = ? WHERE seq = ?', [next.upto_id, row.seq]);
    });
  }

  /** Done with this activity: what identified the person goes with the row, and moments rebuilt before are forgotten. */
  private async finish(row: Pending) {
    await this.write((tx) => tx.run('DELETE FROM erasure_documents WHERE seq = ?', [row.seq]));
    this.history.forget(row.activity_id);
    this.ctx.log.info({ activity: row.activity_id }, 'erased person taken out of the document and its history');
  }

  /** Stored blobs with the person taken out, on the rebuild thread; null for one unchanged. */
  private async rewrite(blobs: Uint8Array[], person: ErasedPerson): Promise<(Uint8Array | null)[]> {
    if (blobs.length === 0) return [];
    const result = await this.history.run({ kind: 'erase-stored', blobs, person }, relayOwner);
    if (result.kind !== 'erase-stored') throw new Error(result.kind === 'failed' ? result.error : 'unexpected rebuild result');
    return result.blobs;
  }

  private setStep(row: Pending, step: Step, cursor: number) {
    return this.ctx.db.run('UPDATE erasure_documents SET step = ?, cursor = ? WHERE seq = ?', [step, cursor, row.seq]);
  }

  /** One short transaction; the pages it frees are wiped at the end of the run (E4). */
  private write(body: (tx: Queries) => Promise<unknown>) {
    return this.ctx.db.transaction(body);
  }
}

interface Match {
  sql: string;
  params: Buffer[];
}

/** A blob holds the person when it holds their id, name, e-mail or phone as bytes (SQLite's `instr`, PostgreSQL's `position` on blobs). */
function matcher(person: ErasedPerson, engine: Engine): Match {
  const params = [person.id, ...person.needles].filter((n) => n.length > 0).map((n) => Buffer.from(n, 'utf8'));
  return { sql: params.map(() => dialect.contains(engine, 'data')).join(' OR '), params };
}
