import type { Provider, ProviderAwareness, UserState } from '@lexical/yjs';
import type * as Y from 'yjs';
import type { ActivitySession } from '../sync/activity-session.ts';

type Listener = (arg: never) => void;

/**
 * Hands Lexical's CollaborationPlugin the activity's own doc and connection instead of
 * a second one. `connect()` starts the session, which Lexical calls once its binding
 * observes the brief, so everything (local copy, relay) arrives as changes it sees.
 * `disconnect()` does nothing: the session belongs to the activity screen. Awareness
 * writes are merged into the activity's presence state, not put in its place.
 */
export function briefProvider(session: ActivitySession, docMap: Map<string, Y.Doc>, id: string): Provider {
  docMap.set(id, session.doc);
  const real = session.awareness;
  const awareness: ProviderAwareness = {
    getLocalState: () => real.getLocalState() as UserState | null,
    getStates: () => real.getStates() as Map<number, UserState>,
    on: (type, cb) => real.on(type, cb),
    off: (type, cb) => real.off(type, cb),
    setLocalState: (state) => {
      if (state === null) real.setLocalState(null);
      else real.setLocalState({ ...(real.getLocalState() ?? {}), ...state });
    },
    setLocalStateField: (field, value) => real.setLocalStateField(field, value),
  };
  const forward = (type: string, cb: Listener, on: boolean) => {
    if (type !== 'status' && type !== 'sync') return;
    const event = type as 'status' | 'sync';
    if (on) session.on(event, cb as never);
    else session.off(event, cb as never);
  };
  return {
    awareness,
    connect: () => session.start(),
    disconnect: () => undefined,
    on: (type: string, cb: Listener) => forward(type, cb, true),
    off: (type: string, cb: Listener) => forward(type, cb, false),
  } as Provider;
}
