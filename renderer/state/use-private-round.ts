import type { PollView } from '#core/api/poll-view';
import { swotMethodId } from '#core/doc/swot';
import type { ApiClient } from '../api/client.ts';
import { usePolls } from './use-polls.ts';

const isBoardRound = (p: PollView) => p.kind === 'entries' && p.definition.kind === 'entries' && p.definition.method === swotMethodId;

/**
 * The SWOT board's latest "private first" round, as the relay shows it to this person:
 * who has taken part while sealed, the entries once revealed. Through the Decide tab's
 * polls hook, so it is refreshed the same way.
 */
export function usePrivateRound(api: ApiClient, activityId: string) {
  const { polls, error, reload, replace } = usePolls(api, activityId);
  const rounds = polls?.filter(isBoardRound) ?? [];
  return { round: rounds.at(-1) ?? null, loaded: polls !== null, error, reload, replace };
}
