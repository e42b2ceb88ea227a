import type { Idea, IdeaDetail, IdeaStatus } from '#core/api/ideas';
import type { ApiClient } from '../api/client.ts';
import * as endpoints from '../api/ideas.ts';

/**
 * What people do in an idea box. Each action asks the relay (the authority on votes
 * and statuses) and returns the idea as it now is, for the screen to show.
 */
export async function toggleVote<T extends Idea>(api: ApiClient, idea: T): Promise<T> {
  const result = await endpoints.vote(api, idea.id, !idea.myVote);
  return { ...idea, votes: result.votes, myVote: result.myVote };
}

export function answerIdea(api: ApiClient, ideaId: string, status: IdeaStatus, reason: string): Promise<IdeaDetail> {
  const trimmed = reason.trim();
  return endpoints.changeIdeaStatus(api, ideaId, { status, ...(trimmed ? { reason: trimmed } : {}) });
}

export function hideIdea(api: ApiClient, ideaId: string, reason: string): Promise<IdeaDetail> {
  return endpoints.hideIdea(api, ideaId, reason.trim());
}

export function showIdea(api: ApiClient, ideaId: string): Promise<IdeaDetail> {
  return endpoints.showIdea(api, ideaId);
}

export function proposeIdea(api: ApiClient, boxId: string, input: { title: string; text: string; category: string }, photo: File | null) {
  return endpoints.submitIdea(api, boxId, input, photo);
}

export function markNoticeRead(api: ApiClient, id: number) {
  return endpoints.readIdeaNotice(api, id);
}
