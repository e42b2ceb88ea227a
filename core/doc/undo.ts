import * as Y from 'yjs';
import { DocRoot } from './schema.ts';

/**
 * Undo for one person's removals on the boards and in the comments. Yjs's UndoManager
 * tracks only the transactions this object runs (its own origin): removals the person
 * made on this device. Undoing one puts back exactly what it removed (a board entry with
 * its fields, an option with its pros and cons, a comment's removal mark taken off) and
 * never touches anyone else's changes. The relay takes the put-back under SPEC W11.
 */
export class RemovalUndo {
  private readonly manager: Y.UndoManager;

  constructor(private readonly doc: Y.Doc) {
    this.manager = new Y.UndoManager([doc.getMap(DocRoot.methods), doc.getArray(DocRoot.comments)], {
      trackedOrigins: new Set([this]),
      // Each removal is its own step, however quickly the next one follows.
      captureTimeout: 0,
    });
  }

  /** Runs `remove` as one transaction of this person's; true when it removed something. */
  remove(remove: () => boolean): boolean {
    let removed = false;
    this.doc.transact(() => {
      removed = remove();
    }, this);
    return removed;
  }

  /** Puts back the last removal; false when there is none (or it cannot be put back any more). */
  undo(): boolean {
    return this.manager.canUndo() && this.manager.undo() !== null;
  }

  get canUndo(): boolean {
    return this.manager.canUndo();
  }

  /** Forgets every removal: they can no longer be undone from here. */
  forget() {
    this.manager.clear();
  }

  destroy() {
    this.manager.destroy();
  }
}
