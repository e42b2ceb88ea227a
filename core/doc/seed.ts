import type * as Y from 'yjs';
import { boardMethods } from './board-methods.ts';
import { createBoard } from './methods.ts';
import { docSchemaVersion, metaOf } from './schema.ts';

/** What every new activity's document holds besides its brief: the version and the seeded boards. */
export function seedDocument(doc: Y.Doc, at = new Date()) {
  doc.transact(() => {
    metaOf(doc).set('schemaVersion', docSchemaVersion);
    for (const method of boardMethods) if ('seededId' in method) createBoard(doc, method, method.seededId, null, at);
  });
}
