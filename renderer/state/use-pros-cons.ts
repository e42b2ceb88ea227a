import { listProsConsBoards, readProsConsBoard, type ProsConsBoard } from '#core/doc/pros-cons';
import { methodsOf } from '#core/doc/methods';
import type * as Y from 'yjs';
import { useDocValue } from './use-doc-value.ts';

/** The ids of the activity's pros and cons boards, oldest first, live. */
export function useProsConsBoards(doc: Y.Doc): string[] {
  return useDocValue(methodsOf(doc), () => listProsConsBoards(doc));
}

/** One board grouped by option and side, live; null while it is absent. */
export function useProsConsBoard(doc: Y.Doc, boardId: string): ProsConsBoard | null {
  return useDocValue(methodsOf(doc), () => readProsConsBoard(doc, boardId));
}
