import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { changedPaths } from '../../../../server/sync/summary.ts';

function pathsOf(doc: Y.Doc, change: () => void): string[] {
  let paths: string[] = [];
  const listener = (tr: Y.Transaction) => (paths = changedPaths(doc, tr));
  doc.on('afterTransaction', listener);
  doc.transact(change);
  doc.off('afterTransaction', listener);
  return paths;
}

describe('changedPaths (history words)', () => {
  it('names a root map key, deep changes by their top key, arrays by their name', () => {
    const doc = new Y.Doc();
    const methods = doc.getMap<Y.Map<unknown>>('methods');
    expect(pathsOf(doc, () => methods.set('swot', new Y.Map()))).toEqual(['methods/swot']);
    expect(pathsOf(doc, () => methods.get('swot')!.set('items', 'x'))).toEqual(['methods/swot']);
    expect(pathsOf(doc, () => doc.getArray('comments').push(['hello']))).toEqual(['comments']);
  });

  it("calls Lexical's root text the brief, and lists several changes sorted", () => {
    const doc = new Y.Doc();
    expect(
      pathsOf(doc, () => {
        doc.get('root', Y.XmlText).insert(0, 'Lease');
        doc.getArray('comments').push(['c']);
      }),
    ).toEqual(['brief', 'comments']);
  });
});
