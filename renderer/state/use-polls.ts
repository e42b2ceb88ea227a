import { useCallback, useEffect, useState } from 'react';
import type { DecisionRecord } from '#core/api/decisions';
import type { PollView } from '#core/api/poll-view';
import type { ApiClient } from '../api/client.ts';
import { getDecision, listPolls } from '../api/polls.ts';

/** How often the Decide tab asks the relay again (participation moves while it is open). */
const refreshMs = 5_000;

/**
 * The activity's polls and decision record, as the relay shows them to this person,
 * refreshed every few seconds while shown. Sealed input is never part of it.
 */
export function usePolls(api: ApiClient, activityId: string) {
  const [polls, setPolls] = useState<PollView[] | null>(null);
  const [decision, setDecision] = useState<DecisionRecord | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const reload = useCallback(async () => {
    try {
      const [p, d] = await Promise.all([listPolls(api, activityId), getDecision(api, activityId)]);
      setPolls(p);
      setDecision(d);
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err : new Error(String(err)));
    }
  }, [api, activityId]);
  useEffect(() => {
    void reload();
    const timer = window.setInterval(() => void reload(), refreshMs);
    return () => window.clearInterval(timer);
  }, [reload]);
  /** Puts one poll's fresh view in place (after a vote or a reveal) without waiting. */
  const replace = useCallback((view: PollView) => setPolls((list) => list?.map((p) => (p.id === view.id ? view : p)) ?? [view]), []);
  return { polls, decision, error, reload, replace, setDecision };
}
