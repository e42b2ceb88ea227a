import { useEffect, useState, useSyncExternalStore } from 'react';
import type { RefusedId } from '#core/sync/refused-change';
import type { ApiClient } from '../api/client.ts';
import { ActivitySession, type ConnectionState } from '../sync/activity-session.ts';
import { deviceCopyName } from '../sync/device-copies.ts';

/**
 * The open activity's session, made when the screen opens and ended when it closes.
 * It starts connecting when the brief's editor asks (see editor/brief-provider.ts).
 */
export function useActivitySession(api: ApiClient, activityId: string, userId: string): ActivitySession | null {
  const [session, setSession] = useState<ActivitySession | null>(null);
  useEffect(() => {
    const storeName = deviceCopyName(api.base, userId, activityId);
    let current = new ActivitySession(api, activityId, storeName);
    let ended = false;
    // A change the relay refused (SPEC W8): this copy is discarded and a fresh one syncs
    // from the relay, with the reason shown; the screen remounts on the new session, which
    // puts back the changes the relay had not confirmed but the refused one (SPEC W9).
    const rollback = (reason: string | null, unconfirmed: Uint8Array[], refused: RefusedId | null, refusedClient: number | null) => {
      const old = current;
      void old.discard().then(() => {
        if (ended) return;
        current = new ActivitySession(api, activityId, storeName, reason, unconfirmed, refused, refusedClient);
        current.on('rollback', rollback);
        setSession(current);
      });
    };
    current.on('rollback', rollback);
    setSession(current);
    return () => {
      ended = true;
      current.destroy();
    };
  }, [api, activityId, userId]);
  return session;
}

/** The connection's state: link, sync, local copy, last refusal. */
export function useConnection(session: ActivitySession): ConnectionState {
  return useSyncExternalStore(
    (notify) => {
      session.on('change', notify);
      return () => session.off('change', notify);
    },
    () => session.state,
  );
}
