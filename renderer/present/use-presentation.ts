import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { presentingOf } from '#core/files/presenting';

/** A presentation under way: who presents which file, at which page. */
export interface Presentation {
  clientId: number;
  presenterId: string;
  presenterName: string;
  fileId: string;
  page: number;
  /** This window presents it. */
  self: boolean;
}

/**
 * The presentation under way in the activity, from presence: a state the relay stamped as
 * a facilitator's carrying `presenting` (the relay drops anyone else's, SPEC A5; the app
 * checks the stamped role too). When several facilitators present at once, the one with
 * the smallest client id is followed, the same for everyone.
 */
export function readPresentation(awareness: Awareness): Presentation | null {
  let found: Presentation | null = null;
  for (const [clientId, state] of awareness.getStates()) {
    const self = clientId === awareness.clientID;
    const presenting = presentingOf(state);
    const user = (state as { user?: { id?: unknown; name?: unknown; role?: unknown } }).user;
    if (!presenting || (!self && user?.role !== 'facilitator')) continue;
    if (found && found.clientId < clientId) continue;
    found = {
      clientId,
      presenterId: typeof user?.id === 'string' ? user.id : '',
      presenterName: typeof user?.name === 'string' ? user.name : '?',
      fileId: presenting.fileId,
      page: presenting.page,
      self,
    };
  }
  return found;
}

export function usePresentation(awareness: Awareness): Presentation | null {
  const [presentation, setPresentation] = useState(() => readPresentation(awareness));
  useEffect(() => {
    const onChange = () =>
      setPresentation((before) => {
        const now = readPresentation(awareness);
        const same = before && now && before.clientId === now.clientId && before.fileId === now.fileId && before.page === now.page && before.presenterName === now.presenterName;
        return same ? before : now;
      });
    onChange();
    awareness.on('change', onChange);
    return () => awareness.off('change', onChange);
  }, [awareness]);
  return presentation;
}
