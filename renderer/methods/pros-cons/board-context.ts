import { createContext, useContext } from 'react';
import type { OptionView } from '#core/methods/pros-cons';
import type * as Y from 'yjs';
import type { Author } from '#core/doc/author';

/** What every part of one pros and cons board needs: the doc, the board, who acts, what they may do. */
export interface ProsConsContext {
  doc: Y.Doc;
  boardId: string;
  actor: Author;
  /** Contributors and facilitators add, edit, move and delete items. */
  canEdit: boolean;
  /** Facilitators add, rename and remove options. */
  canManage: boolean;
  /** Every option of the board, for "Move to…". */
  options: OptionView[];
}

export const ProsConsBoardContext = createContext<ProsConsContext | null>(null);

export function useProsCons(): ProsConsContext {
  const ctx = useContext(ProsConsBoardContext);
  if (!ctx) throw new Error('useProsCons outside ProsConsBoard');
  return ctx;
}
