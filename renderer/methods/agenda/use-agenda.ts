import type * as Y from 'yjs';
import { listAgendaBoards, readAgendaDecisions, readAgendaItems, readAgendaTimer } from '#core/doc/agenda';
import { methodsOf } from '#core/doc/methods';
import { useDocValue } from '../../state/use-doc-value.ts';

export const useAgendaBoards = (doc: Y.Doc) => useDocValue(methodsOf(doc), () => listAgendaBoards(doc));

/** One agenda's items (in order), the decisions taken from them, and its timer, live. */
export const useAgenda = (doc: Y.Doc, boardId: string) =>
  useDocValue(methodsOf(doc), () => ({ items: readAgendaItems(doc, boardId), decisions: readAgendaDecisions(doc, boardId), timer: readAgendaTimer(doc, boardId) }));
