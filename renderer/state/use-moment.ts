import { useEffect, useState } from 'react';
import type { DocumentAt } from '#core/api/history';
import { documentAt } from '../api/history.ts';
import { useSignedIn } from './use-session.tsx';
import { useAsync } from './use-async.ts';

/** How long the timeline rests on a moment before it is asked for (dragging asks once). */
const settleMs = 250;

/**
 * The document at a moment and at the moment before it (what changed between them is
 * what the timeline highlights), asked for once the moment has settled. `version`
 * asks again (after a restore).
 */
export function useMoment(activityId: string, at: string | null, before: string | null, version: number) {
  const { api } = useSignedIn();
  const [settled, setSettled] = useState<{
    at: string | null;
    before: string | null;
  }>({ at, before });
  useEffect(() => {
    const timer = setTimeout(() => setSettled({ at, before }), settleMs);
    return () => clearTimeout(timer);
  }, [at, before]);
  return useAsync(async (): Promise<{
    now: DocumentAt;
    before: DocumentAt | null;
  } | null> => {
    if (settled.at === null) return null;
    const [now, earlier] = await Promise.all([
      documentAt(api, activityId, settled.at),
      settled.before === null ? Promise.resolve(null) : documentAt(api, activityId, settled.before),
    ]);
    return { now, before: earlier };
  }, [api, activityId, settled.at, settled.before, version]);
}
