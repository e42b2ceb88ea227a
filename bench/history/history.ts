import * as Y from 'yjs';
import { addComment, commentsOf, CommentRemoval } from '#core/doc/comments';
import { addSwotItem, deleteSwotItem, editSwotItem } from '#core/doc/swot';
import { seedDocument } from '#core/doc/seed';
import type { Database } from '../../server/store/db.ts';
import { writeSnapshot } from '../../server/sync/update-log.ts';

export const activityId = 'bench-history-0001';
export const startAt = Date.parse('2026-11-01T08:00:00Z');
/** One logged update per second of the synthetic history. */
export const stepMs = 1000;

export const author = { id: 'bench-author-1', name: 'Bench Author' };
export const otherAuthor = { id: 'bench-author-2', name: 'Other Author' };

/** One change of the synthetic history, made on `doc`: returns who made it. */
export type Script = (doc: Y.Doc, i: number, at: Date) => string;

/** Mostly keystrokes in the brief, SWOT items added, reworded and removed, all by one author. */
export function swotScript(): Script {
  const live: string[] = [];
  return (doc, i, at) => {
    const brief = doc.get('root', Y.XmlText);
    const roll = i % 20;
    if (roll < 15) brief.insert(brief.length > 4000 && roll === 0 ? 0 : brief.length, String.fromCharCode(97 + (i % 26)));
    else if (roll === 15 && brief.length > 2000) brief.delete(0, 200);
    else if ((roll < 18 && live.length < 300) || live.length === 0) {
      const id = `item-${String(i).padStart(8, '0')}`;
      addSwotItem(doc, { id, quadrant: 'strengths', text: `point ${i}`, author, at });
      live.push(id);
    } else if (roll === 18 || roll === 17) editSwotItem(doc, live[i % live.length]!, `reworded ${i}`, author, at);
    else deleteSwotItem(doc, live.splice(i % live.length, 1)[0]!);
    return author.id;
  };
}

/**
 * A comment-heavy history: two people write comments (four in ten changes), each removes
 * some of their own (three in ten: the comment stays as a trace, SPEC W4), the rest are
 * keystrokes in the brief and SWOT items. The comment list grows by one every 2.5 changes.
 */
export function commentScript(): Script {
  const live: Y.Map<unknown>[] = [];
  const swot = swotScript();
  return (doc, i, at) => {
    const roll = i % 10;
    const who = i % 20 < 10 ? author : otherAuthor;
    if (roll < 4 || (roll < 7 && live.length === 0)) {
      const id = `comment-${String(i).padStart(8, '0')}`;
      addComment(doc, { id, author: who, at, body: '{"root":{}}', text: `remark ${i}`, mentions: [] });
      live.push(commentsOf(doc).get(commentsOf(doc).length - 1));
      return who.id;
    }
    if (roll < 7) {
      // The author of a comment removes it (as removeComment does, without its walk of the list).
      const map = live.splice((i * 7919) % live.length, 1)[0]!;
      const by = map.get('authorId') === author.id ? author : otherAuthor;
      map.set('removed', CommentRemoval.parse({ by: by.id, name: by.name, at: at.toISOString() }));
      return by.id;
    }
    return swot(doc, i, at);
  };
}

/**
 * A history of `total` updates as a room would log it, each change made by `script`
 * (by default `swotScript`); a snapshot every `snapshotEvery` updates (encoded from a
 * garbage-collected document, as the room does) written with `checkpointEvery` through
 * the relay's own store code.
 */
export async function buildHistory(db: Database, total: number, options: { snapshotEvery: number; checkpointEvery: number }, script: Script = swotScript()) {
  let clock = startAt;
  const doc = new Y.Doc();
  const pending: { data: Uint8Array; userId: string }[] = [];
  let sender = author.id;
  doc.on('update', (data: Uint8Array) => pending.push({ data, userId: sender }));
  seedDocument(doc, new Date(startAt));
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
        for (const { data, userId } of chunk) params.push(activityId, userId, new Date((clock += stepMs)).toISOString(), data, '["brief"]');
        const ids = await tx.all<{ id: number }>(
          `INSERT INTO doc_updates (activity_id, user_id, at, data, summary) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?)').join(', ')} RETURNING id`,
          params,
        );
        lastId = Math.max(lastId, ...ids.map((r) => r.id));
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
    const at = new Date(clock);
    doc.transact(() => {
      sender = script(doc, i, at);
    });
    if ((n + pending.length) % options.snapshotEvery === 0) await flush();
  }
  if (pending.length > 0) await flush();
  doc.destroy();
  return { updates: n, lastAt: clock };
}
