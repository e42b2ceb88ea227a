import * as Y from 'yjs';

/** What `change` does to the live document `state`, as one update (null: nothing). */
export function changeOf(state: Uint8Array, change: (doc: Y.Doc) => void): Uint8Array | null {
  const live = new Y.Doc();
  try {
    Y.applyUpdate(live, state);
    let update: Uint8Array | null = null;
    live.on('update', (u: Uint8Array) => (update = update ? Y.mergeUpdates([update, u]) : u));
    change(live);
    return update;
  } finally {
    live.destroy();
  }
}
