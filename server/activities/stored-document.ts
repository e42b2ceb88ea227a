import * as Y from 'yjs';
import type { Context } from '../context.ts';
import { readDocument } from '../sync/update-log.ts';

/**
 * Reads an activity's document as the store holds it (its snapshot and the updates
 * logged since), without loading its live room: a read leaves the store as it was (no
 * room to compact on unload). What the relay committed is what the room holds (D1). An
 * unreadable stored update is logged and skipped. The document is destroyed after `read`.
 */
export async function readStoredDocument<T>(ctx: Context, activityId: string, read: (doc: Y.Doc) => T | Promise<T>): Promise<T> {
  const doc = new Y.Doc();
  try {
    const stored = await readDocument(ctx.db, activityId);
    Y.transact(doc, () => {
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const u of stored.updates) {
        try {
          Y.applyUpdate(doc, u.data);
        } catch (err) {
          ctx.log.error({ err, activityId, update: u.id }, 'skipped an unreadable stored update');
        }
      }
    });
    return await read(doc);
  } finally {
    doc.destroy();
  }
}
