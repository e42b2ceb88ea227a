import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addAgendaBoard, addAgendaItem, agendaItemMap, deleteAgendaItem, readAgendaDecisions, readAgendaItems } from '#core/doc/agenda';
import { agendaNotesText, typeAgendaNotes, upgradeAgendas } from '#core/doc/agenda-notes';
import { methodsOf } from '#core/doc/methods';
import { restoreInto } from '../../../../server/history/restore-plan.ts';

const fay = { id: 'facilitator-fay', name: 'Fay' };
const at = new Date('2026-12-06T09:00:00Z');
const board = 'board-agenda1';
const path = `methods/${board}/items/item-budget1`;

/** A live document with one agenda item, and a copy of it as it stood once its notes read `then`. */
function withMoment(then: string) {
  const live = new Y.Doc();
  addAgendaBoard(live, board, fay, at);
  addAgendaItem(live, board, { id: 'item-budget1', text: 'Budget', minutes: 10, author: fay, at });
  typeAgendaNotes(live, board, 'item-budget1', then);
  const past = new Y.Doc();
  Y.applyUpdate(past, Y.encodeStateAsUpdate(live));
  return { live, past };
}

/** The live document's restore, made while someone else typed in a copy of it; both merged. */
function restoreWhileTyping(live: Y.Doc, past: Y.Doc, restorePath: string | null, typing: (doc: Y.Doc) => void) {
  const other = new Y.Doc();
  Y.applyUpdate(other, Y.encodeStateAsUpdate(live));
  typing(other);
  expect(restoreInto(live, past, restorePath)).toBe(true);
  Y.applyUpdate(live, Y.encodeStateAsUpdate(other));
}

describe('restoring agenda notes (SPEC H2, W15 text fields)', () => {
  it('notes go back to what they were in the same text, changing only what differs: someone typing meanwhile keeps their words', () => {
    const { live, past } = withMoment('Ask finance');
    typeAgendaNotes(live, board, 'item-budget1', 'Ask finance about March');
    const text = agendaNotesText(live, board, 'item-budget1');
    restoreWhileTyping(live, past, path, (d) => typeAgendaNotes(d, board, 'item-budget1', 'Urgent: Ask finance about March'));
    expect(agendaNotesText(live, board, 'item-budget1')).toBe(text);
    expect(readAgendaItems(live, board)[0]!.notes).toBe('Urgent: Ask finance');
  });

  it('a moment from before notes were shared text (a plain string) restores into the text, never a string in its place', () => {
    const { live, past } = withMoment('');
    agendaItemMap(past, board, 'item-budget1')!.set('notes', 'Old notes');
    methodsOf(past).get(board)!.delete('decisions');
    typeAgendaNotes(live, board, 'item-budget1', 'New notes');
    restoreInto(live, past, null);
    expect(agendaNotesText(live, board, 'item-budget1')?.toString()).toBe('Old notes');
    // The whole activity back to before decisions were kept: the agenda still keeps them (R4).
    expect(methodsOf(live).get(board)!.get('decisions')).toBeInstanceOf(Y.Map);
    expect(readAgendaDecisions(live, board)).toEqual([]);
  });

  it('an item removed since is put back with its notes as a text, from either shape', () => {
    for (const old of [false, true]) {
      const { live, past } = withMoment('Ask finance');
      if (old) agendaItemMap(past, board, 'item-budget1')!.set('notes', 'Ask finance');
      deleteAgendaItem(live, board, 'item-budget1');
      restoreInto(live, past, path);
      expect(agendaNotesText(live, board, 'item-budget1')?.toString()).toBe('Ask finance');
      expect(upgradeAgendas(live)).toBe(false);
    }
  });
});
