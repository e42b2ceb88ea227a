import * as Y from 'yjs';
import { AgendaNotes } from '../methods/agenda.ts';
import { textEdit } from '../text/edit.ts';
import { agendaItemMap, agendaKind } from './agenda.ts';
import { entriesOf, type EntryMaps } from './entries.ts';
import { methodsOf } from './methods.ts';

/**
 * An agenda item's notes: a Y.Text under the item's `notes` (SPEC W15, a text field), made
 * with the item, so that two people typing in one item's notes at once both keep their
 * words. Nobody replaces it; everyone types into it.
 *
 * Agendas written before (notes a plain string, replaced whole on each save; no
 * `decisions` map) are brought up to date by the relay when it loads the room, before
 * anyone syncs (`upgradeAgendas`): one writer, so no two clients ever create the same
 * text or map at once (one of them would be lost with what was typed or recorded in it).
 * Until then (a device offline with the old copy) the app reads the old notes and does
 * not type into them.
 */
export const agendaNotesField = 'notes';

const isPlainText = (value: unknown): value is Y.Text => value instanceof Y.Text && !(value instanceof Y.XmlText);

/** The item's shared notes; null when the item is gone or its notes are not a text yet (an agenda from before). */
export function agendaNotesText(doc: Y.Doc, boardId: string, itemId: string): Y.Text | null {
  const notes = agendaItemMap(doc, boardId, itemId)?.get(agendaNotesField);
  return isPlainText(notes) ? notes : null;
}

/**
 * Makes the notes read `next` by changing only what differs (one text box's input: typed,
 * removed, pasted over a selection), so whatever someone else typed elsewhere meanwhile
 * stays. Throws past the bound (4,000 characters); false when there is no text to type into.
 */
export function typeAgendaNotes(doc: Y.Doc, boardId: string, itemId: string, next: string): boolean {
  const text = agendaNotesText(doc, boardId, itemId);
  if (!text) return false;
  const edit = textEdit(text.toString(), AgendaNotes.parse(next));
  if (!edit) return true;
  doc.transact(() => {
    if (edit.remove > 0) text.delete(edit.at, edit.remove);
    if (edit.insert) text.insert(edit.at, edit.insert);
  });
  return true;
}

/** Whether some agenda of the document is of an older shape (upgradeAgendas would change it): read only. */
export function agendasToUpgrade(doc: Y.Doc): boolean {
  for (const board of methodsOf(doc).values()) {
    if (!(board instanceof Y.Map) || board.get('kind') !== agendaKind) continue;
    if (!board.has('decisions')) return true;
    for (const item of entriesOf(board, 'items')?.values() ?? []) {
      if (item instanceof Y.Map && (item.get(agendaNotesField) === undefined || typeof item.get(agendaNotesField) === 'string')) return true;
    }
  }
  return false;
}

/**
 * The relay's: brings every agenda of the document to today's shape, in one transaction:
 * each item's notes a Y.Text (holding the old plain notes, if any), each board's
 * `decisions` map made. Returns whether it changed anything (nothing the second time).
 * A value of another shape (a foreign client's) is left as it is: readers skip it.
 */
export function upgradeAgendas(doc: Y.Doc): boolean {
  let changed = false;
  doc.transact(() => {
    for (const board of methodsOf(doc).values()) {
      if (!(board instanceof Y.Map) || board.get('kind') !== agendaKind) continue;
      if (!board.has('decisions')) {
        board.set('decisions', new Y.Map());
        changed = true;
      }
      const items: EntryMaps | null = entriesOf(board, 'items');
      for (const item of items?.values() ?? []) {
        if (!(item instanceof Y.Map)) continue;
        const notes = item.get(agendaNotesField);
        if (notes !== undefined && typeof notes !== 'string') continue;
        item.set(agendaNotesField, new Y.Text(notes ?? ''));
        changed = true;
      }
    }
  });
  return changed;
}
