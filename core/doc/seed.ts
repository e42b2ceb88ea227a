import type * as Y from 'yjs';
import { docSchemaVersion, metaOf } from './schema.ts';
import { seedSwotBoard } from './swot.ts';

/** What every new activity's document holds besides its brief: the version and the board. */
export function seedDocument(doc: Y.Doc) {
  doc.transact(() => {
    metaOf(doc).set('schemaVersion', docSchemaVersion);
    seedSwotBoard(doc);
  });
}
