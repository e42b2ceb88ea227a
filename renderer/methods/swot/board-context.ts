import { createContext, useContext } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { Author } from '#core/doc/author';

/** What every part of the board needs: the doc, who acts, whether they may. */
export interface BoardContext {
  doc: Y.Doc;
  awareness: Awareness;
  actor: Author;
  canEdit: boolean;
}

export const SwotBoardContext = createContext<BoardContext | null>(null);

export function useBoard(): BoardContext {
  const ctx = useContext(SwotBoardContext);
  if (!ctx) throw new Error('useBoard outside SwotBoard');
  return ctx;
}

/** The drag payload: one item id, as text, so nothing else can be dropped by mistake. */
export const dragType = 'application/x-conclave-swot-item';
