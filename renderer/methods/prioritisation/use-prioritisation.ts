import type * as Y from 'yjs';
import { methodsOf } from '#core/doc/methods';
import { listPrioritisationBoards, readPriorityItems } from '#core/doc/prioritisation';
import type { PriorityItem } from '#core/methods/prioritisation';
import { useDocValue } from '../../state/use-doc-value.ts';

/** The ids of the activity's prioritisation boards, oldest first, live. */
export function usePrioritisationBoards(doc: Y.Doc): string[] {
  return useDocValue(methodsOf(doc), () => listPrioritisationBoards(doc));
}

/** One board's items, live. */
export function usePriorityItems(doc: Y.Doc, boardId: string): PriorityItem[] {
  return useDocValue(methodsOf(doc), () => readPriorityItems(doc, boardId));
}
