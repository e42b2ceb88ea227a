import type * as Y from 'yjs';
import { RemovalUndo } from '#core/doc/undo';

/** What was removed, as the Undo notice names it. */
export interface Removed {
  kind: 'item' | 'option' | 'comment';
  /** The item's text, the option's label, or the comment's author. */
  text: string;
}

type Listener = (removed: Removed) => void;

/**
 * One document's Undo for the person's own removals (core/doc/undo.ts), with who
 * listens for the notice. One per Y.Doc: a new session (a rollback) starts afresh.
 */
export class DocRemovals {
  private readonly undo: RemovalUndo;
  private readonly listeners = new Set<Listener>();

  constructor(doc: Y.Doc) {
    this.undo = new RemovalUndo(doc);
    doc.once('destroy', () => {
      this.undo.destroy();
      this.listeners.clear();
    });
  }

  /** Runs a removal that the notice then offers to undo; false when nothing was removed. */
  remove(removed: Removed, remove: () => boolean): boolean {
    const done = this.undo.remove(remove);
    if (done) for (const listener of this.listeners) listener(removed);
    return done;
  }

  /** Puts back the last removal; false when it can no longer be (someone changed that place since). */
  undoLast(): boolean {
    return this.undo.undo();
  }

  /** The notice is gone: its removal is no longer offered. */
  forget() {
    this.undo.forget();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

const byDoc = new WeakMap<Y.Doc, DocRemovals>();

export function removalsOf(doc: Y.Doc): DocRemovals {
  let removals = byDoc.get(doc);
  if (!removals) byDoc.set(doc, (removals = new DocRemovals(doc)));
  return removals;
}
