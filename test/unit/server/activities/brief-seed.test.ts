import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { briefOf } from '#core/doc/brief';
import { listMethods } from '#core/doc/board-methods';
import { schemaVersionOf } from '#core/doc/schema';
import { initialDocumentUpdate } from '../../../../server/activities/brief-seed.ts';

const paragraphs = (doc: Y.Doc) =>
  briefOf(doc)
    .toDelta()
    .filter((op: { insert: unknown }) => op.insert instanceof Y.XmlText)
    .map((op: { insert: Y.XmlText }) => op.insert.toDelta().map((d: { insert: unknown }) => (typeof d.insert === 'string' ? d.insert : '')).join(''));

describe('the initial document the relay writes', () => {
  it('holds the schema version, an empty SWOT board and the description as brief paragraphs', () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, initialDocumentUpdate('Our second city.\n\nLeases end in March.'));
    expect(schemaVersionOf(doc)).toBe(1);
    expect(listMethods(doc)).toEqual([{ id: 'swot', kind: 'swot' }]);
    expect(paragraphs(doc)).toEqual(['Our second city.', 'Leases end in March.']);
  });

  it('gives one empty paragraph when there is no description', () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, initialDocumentUpdate(''));
    expect(paragraphs(doc)).toEqual(['']);
  });
});
