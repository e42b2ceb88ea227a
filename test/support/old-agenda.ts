import * as Y from 'yjs';
import { methodsOf } from '#core/doc/methods';

const at = new Date('2026-12-06T09:00:00Z');
const alice = { id: 'alice-000001', name: 'Alice' };

/** An agenda as the app wrote it before notes were shared text (and before decisions were kept): notes a plain string, no decisions map. */
export function oldShapeAgenda(doc: Y.Doc, board: string, notes: string | null, author: { id: string; name: string } = alice) {
  doc.transact(() => {
    const b = new Y.Map<unknown>();
    b.set('kind', 'agenda');
    b.set('version', 1);
    b.set('createdAt', at.toISOString());
    b.set('createdBy', author.id);
    const items = new Y.Map<unknown>();
    const item = new Y.Map<unknown>();
    for (const [k, v] of Object.entries({ id: 'item-budget1', text: 'Budget', minutes: 10, order: 'a0', authorId: author.id, authorName: author.name, createdAt: at.toISOString() })) item.set(k, v);
    if (notes !== null) item.set('notes', notes);
    items.set('item-budget1', item);
    b.set('items', items);
    methodsOf(doc).set(board, b);
  });
}

