import type * as Y from 'yjs';
import { listAgendaBoards, readAgendaDecisions, readAgendaItems, readAgendaTimer } from '#core/doc/agenda';
import { agendaNotesText } from '#core/doc/agenda-notes';
import { methodsOf } from '#core/doc/methods';
import { useDocValue } from '../../state/use-doc-value.ts';

export const useAgendaBoards = (doc: Y.Doc) => useDocValue(methodsOf(doc), () => listAgendaBoards(doc));

/** One agenda's items (in order), the decisions taken from them, and its timer, live. */
export const useAgenda = (doc: Y.Doc, boardId: string) =>
  useDocValue(methodsOf(doc), () => ({ items: readAgendaItems(doc, boardId), decisions: readAgendaDecisions(doc, boardId), timer: readAgendaTimer(doc, boardId) }));

/** Whether an item's notes are shared text to type into (false on an agenda from before, until the relay brings it up to date). */
export const useAgendaNotesTypable = (doc: Y.Doc, boardId: string, itemId: string) =>
  useDocValue(methodsOf(doc), () => agendaNotesText(doc, boardId, itemId) !== null);
