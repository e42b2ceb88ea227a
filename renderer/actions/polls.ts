import type { PublishDecisionRequest } from '#core/api/decisions';
import type { Ballot, CreatePollRequest } from '#core/api/polls';
import type { ApiClient } from '../api/client.ts';
import * as polls from '../api/polls.ts';

/** What the Decide tab does; each returns the relay's answer or throws its ApiError. */
export const openPoll = (api: ApiClient, activityId: string, input: CreatePollRequest) => polls.openPoll(api, activityId, input);
export const castVote = (api: ApiClient, pollId: string, ballot: Ballot) => polls.castVote(api, pollId, ballot);
export const revealPoll = (api: ApiClient, pollId: string) => polls.revealPoll(api, pollId);
export const openNextRound = (api: ApiClient, pollId: string, deadline: string) => polls.openNextRound(api, pollId, deadline);
export const answerBlock = (api: ApiClient, pollId: string, key: string, answer: string) => polls.answerBlock(api, pollId, key, answer);
export const publishDecision = (api: ApiClient, activityId: string, input: PublishDecisionRequest) => polls.publishDecision(api, activityId, input);
export const acknowledgeDecision = (api: ApiClient, activityId: string) => polls.acknowledgeDecision(api, activityId);
export const rateDecision = (api: ApiClient, activityId: string, rating: number, comment?: string) => polls.rateDecision(api, activityId, rating, comment);
