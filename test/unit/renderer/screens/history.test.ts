import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { methodKindOf } from '#core/doc/board-methods';
import { seedDocument } from '#core/doc/seed';
import { changedPaths } from '../../../../server/sync/summary.ts';
import { addOption, addProsConsBoard } from '../../../../renderer/actions/pros-cons.ts';
import { addSwotItem } from '../../../../renderer/actions/swot.ts';
import { intlFor, type Translate } from '../../../../renderer/i18n/index.tsx';
import { describePart } from '../../../../renderer/screens/HistoryPanel.tsx';
import { hrefOf, parseRoute } from '../../../../renderer/state/use-route.ts';

const intl = intlFor('en');
const t: Translate = (key, values) => intl.formatMessage({ id: key }, values);

describe('history words and routes', () => {
  it('names every board change by its method, from the paths the relay logs', () => {
    const doc = new Y.Doc();
    seedDocument(doc);
    const ana = { id: 'ANA0000001', name: 'Ana' };
    const logged: string[] = [];
    doc.on('afterTransaction', (tr: Y.Transaction) => logged.push(...changedPaths(doc, tr)));
    const boardId = addProsConsBoard(doc, ana);
    addOption(doc, boardId, 'Move to Lyon');
    addSwotItem(doc, ana, 'strengths', 'Loyal customers');
    expect(logged).toEqual([`methods/${boardId}`, `methods/${boardId}`, 'methods/swot']);
    const kindOf = (id: string) => methodKindOf(doc, id);
    expect([...logged, 'brief', 'comments', 'meta', 'methods/gone0000001'].map((p) => describePart(p, t, kindOf))).toEqual([
      'a pros and cons board',
      'a pros and cons board',
      'the SWOT board',
      'the brief',
      'comments',
      'settings',
      'a board',
    ]);
  });

  it('reads and writes screen addresses', () => {
    expect(parseRoute('#/activities/abcdefgh12/history')).toEqual({ name: 'activity', id: 'abcdefgh12', tab: 'history' });
    expect(parseRoute('#/activities/new')).toEqual({ name: 'new-activity' });
    expect(parseRoute('#/nonsense')).toEqual({ name: 'activities' });
    expect(hrefOf({ name: 'activity', id: 'abcdefgh12', tab: 'work' })).toBe('#/activities/abcdefgh12');
  });
});
