import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';

export interface Present {
  clientId: number;
  userId: string;
  name: string;
  role: string;
  /** The SWOT item (or comment) this person is editing, if any. */
  editing: string | null;
  self: boolean;
}

/**
 * Who is here, from awareness. Names and roles are the ones the relay stamped on each
 * state (it overwrites whatever a client claims); our own state shows until the relay
 * has echoed nothing yet, with the name we know.
 */
export function readPresence(awareness: Awareness, self: { id: string; name: string }): Present[] {
  const out: Present[] = [];
  for (const [clientId, state] of awareness.getStates()) {
    const isSelf = clientId === awareness.clientID;
    const user = (state as { user?: { id?: unknown; name?: unknown; role?: unknown } }).user;
    const userId = isSelf ? self.id : typeof user?.id === 'string' ? user.id : null;
    if (!userId) continue;
    const editing = (state as { editing?: unknown }).editing;
    out.push({
      clientId,
      userId,
      name: isSelf ? self.name : typeof user?.name === 'string' ? user.name : '?',
      role: typeof user?.role === 'string' ? user.role : '',
      editing: typeof editing === 'string' ? editing : null,
      self: isSelf,
    });
  }
  return out.sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name));
}

export function usePresence(awareness: Awareness, self: { id: string; name: string }): Present[] {
  const [present, setPresent] = useState(() => readPresence(awareness, self));
  useEffect(() => {
    const onChange = () => setPresent(readPresence(awareness, self));
    onChange();
    awareness.on('change', onChange);
    return () => awareness.off('change', onChange);
  }, [awareness, self]);
  return present;
}

/** One entry per person (several tabs count once), for the "who is here" bar. */
export function distinctPeople(present: Present[]): Present[] {
  const seen = new Set<string>();
  return present.filter((p) => !seen.has(p.userId) && seen.add(p.userId));
}
