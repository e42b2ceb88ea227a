import { z } from 'zod';
import type { DecisionRecord, PublishDecisionRequest } from '#core/api/decisions';
import type { PollView } from '#core/api/poll-view';
import type { Ballot, CreatePollRequest } from '#core/api/polls';
import { ApiError, type ApiClient } from './client.ts';

// The relay is the authority on these shapes (core/api/poll-view.ts, decisions.ts).
const View = z.custom<PollView>((v) => typeof v === 'object' && v !== null && 'kind' in v);
const Record_ = z.custom<DecisionRecord>((v) => typeof v === 'object' && v !== null && 'outcome' in v);
const Created = z.object({ id: z.string() });

export const listPolls = async (api: ApiClient, activityId: string) =>
  (await api.call('GET', `/api/activities/${activityId}/polls`, z.object({ polls: z.array(View) }))).polls;
export const openPoll = (api: ApiClient, activityId: string, input: CreatePollRequest) =>
  api.call('POST', `/api/activities/${activityId}/polls`, Created, input);
export const castVote = (api: ApiClient, pollId: string, ballot: Ballot) => api.call('POST', `/api/polls/${pollId}/votes`, View, ballot);
export const revealPoll = (api: ApiClient, pollId: string) => api.call('POST', `/api/polls/${pollId}/reveal`, View);
export const openNextRound = (api: ApiClient, pollId: string, deadline: string) =>
  api.call('POST', `/api/polls/${pollId}/rounds`, View, { deadline });
export const answerBlock = (api: ApiClient, pollId: string, key: string, answer: string) =>
  api.call('POST', `/api/polls/${pollId}/block-answers`, View, { key, answer });

/** The activity's decision record, or null while none is published. */
export async function getDecision(api: ApiClient, activityId: string): Promise<DecisionRecord | null> {
  try {
    return await api.call('GET', `/api/activities/${activityId}/decision`, Record_);
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return null;
    throw err;
  }
}
export const publishDecision = (api: ApiClient, activityId: string, input: PublishDecisionRequest) =>
  api.call('POST', `/api/activities/${activityId}/decision`, Record_, input);
export const acknowledgeDecision = (api: ApiClient, activityId: string) =>
  api.call('POST', `/api/activities/${activityId}/decision/acknowledgement`, Record_);
export const rateDecision = (api: ApiClient, activityId: string, rating: number, comment?: string) =>
  api.call('POST', `/api/activities/${activityId}/decision/ratings`, Record_, { rating, ...(comment ? { comment } : {}) });
export const exportDecision = (api: ApiClient, activityId: string, format: 'md' | 'pdf') =>
  api.blob(`/api/activities/${activityId}/decision/export.${format}`);
