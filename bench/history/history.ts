import * as Y from 'yjs';
import { addSwotItem, deleteSwotItem, editSwotItem } from '#core/doc/swot';
import { seedDocument } from '#core/doc/seed';
import type { Database } from '../../server/store/db.ts';
import { writeSnapshot } from '../../server/sync/update-log.ts';

export const activityId = 'bench-history-0001';
export const startAt = Date.parse('2026-11-01T08:00:00Z');
/** One logged update per second of the synthetic history. */
export const stepMs = 1000;

/**
 * A history of `total` updates as a room would log it: mostly keystrokes in the brief,
 * SWOT items added, reworded and removed; a snapshot every `snapshotEvery` updates
 * (encoded from a garbage-collected document, as the room does) written with
 * `checkpointEvery` through the relay's own store code.
 */
export async function buildHistory(db: Database, total: number, options: { snapshotEvery: number; checkpointEvery: number }) {
  let clock = startAt;
  const doc = new Y.Doc();
  const pending: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => pending.push(u));
  seedDocument(doc, new Date(startAt));
  const brief = doc.get('root', Y.XmlText);
  const author = { id: 'bench-author-1', name: 'Bench Author' };
  const live: string[] = [];
  let n = 0;
  let lastId = 0;
  // Rows as the update log writes them (update-log.ts), each with its own second; then the
  // snapshot through the log's own writeSnapshot, with the document exactly at that update.
  const flush = async () => {
    const rows = pending.splice(0);
    await db.transaction(async (tx) => {
      for (let i = 0; i < rows.length; i += 200) {
        const chunk = rows.slice(i, i + 200);
        const params: (string | Uint8Array)[] = [];
        for (const data of chunk) params.push(activityId, author.id, new Date((clock += stepMs)).toISOString(), data, '["brief"]');
        const { lastID } = await tx.run(
          `INSERT INTO doc_updates (activity_id, user_id, at, data, summary) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?)').join(', ')}`,
          params,
        );
        lastId = lastID;
      }
    });
    n += rows.length;
    if (n % options.snapshotEvery === 0) {
      await writeSnapshot(db, activityId, {
        uptoId: lastId,
        data: Y.encodeStateAsUpdate(doc),
        at: new Date(clock),
        foldBefore: new Date(0),
        kept: 24,
        checkpointEvery: options.checkpointEvery,
      });
    }
  };
  for (let i = 0; n + pending.length < total; i++) {
    const roll = i % 20;
    if (roll < 15) brief.insert(brief.length > 4000 && roll === 0 ? 0 : brief.length, String.fromCharCode(97 + (i % 26)));
    else if (roll === 15 && brief.length > 2000) brief.delete(0, 200);
    else if ((roll < 18 && live.length < 300) || live.length === 0) {
      const id = `item-${String(i).padStart(8, '0')}`;
      addSwotItem(doc, {
        id,
        quadrant: 'strengths',
        text: `point ${i}`,
        author,
        at: new Date(clock),
      });
      live.push(id);
    } else if (roll === 18 || roll === 17) editSwotItem(doc, live[i % live.length]!, `reworded ${i}`, author, new Date(clock));
    else deleteSwotItem(doc, live.splice(i % live.length, 1)[0]!);
    if ((n + pending.length) % options.snapshotEvery === 0) await flush();
  }
  if (pending.length > 0) await flush();
  doc.destroy();
  return { updates: n, lastAt: clock };
}
