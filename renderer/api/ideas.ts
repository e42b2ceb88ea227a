import { z } from 'zod';
import type { ApiErrorBody } from '#core/api/errors';
import {
  Contributor,
  IdeaDetail,
  IdeaNotice,
  IdeaPage,
  PhotoStorage,
  SimilarIdea,
  VoteResult,
  type ChangeIdeaStatusRequest,
  type CreateIdeaRequest,
  type IdeaListQuery,
} from '#core/api/ideas';
import { ApiError, type ApiClient } from './client.ts';
import { loadToken } from './relay.ts';

/** The idea box's endpoints (core/api/ideas.ts). */
const Created = z.object({ id: z.string() });

export function listIdeas(api: ApiClient, boxId: string, query: IdeaListQuery) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value));
  return api.call('GET', `/api/activities/${boxId}/ideas?${params}`, IdeaPage);
}

export const getIdea = (api: ApiClient, id: string) => api.call('GET', `/api/ideas/${id}`, IdeaDetail);

export const similarIdeas = async (api: ApiClient, boxId: string, title: string) =>
  (await api.call('GET', `/api/activities/${boxId}/ideas/similar?title=${encodeURIComponent(title)}`, z.object({ similar: z.array(SimilarIdea) })))
    .similar;

export const listContributors = async (api: ApiClient, boxId: string) =>
  (await api.call('GET', `/api/activities/${boxId}/contributors`, z.object({ contributors: z.array(Contributor) }))).contributors;

export const vote = (api: ApiClient, id: string, on: boolean) => api.call(on ? 'POST' : 'DELETE', `/api/ideas/${id}/votes`, VoteResult);

export const changeIdeaStatus = (api: ApiClient, id: string, input: ChangeIdeaStatusRequest) =>
  api.call('POST', `/api/ideas/${id}/status`, IdeaDetail, input);

export const hideIdea = (api: ApiClient, id: string, reason: string) => api.call('POST', `/api/ideas/${id}/hidden`, IdeaDetail, { reason });
export const showIdea = (api: ApiClient, id: string) => api.call('DELETE', `/api/ideas/${id}/hidden`, IdeaDetail);

export const ideaNotices = (api: ApiClient) =>
  api.call('GET', '/api/idea-notices', z.object({ notices: z.array(IdeaNotice), unread: z.number() }));
export const readIdeaNotice = (api: ApiClient, id: number) => api.call('POST', `/api/idea-notices/${id}/read`, z.unknown());

export const photoStorage = (api: ApiClient) => api.call('GET', '/api/ideas/storage', PhotoStorage);

/*
 * A form with a file and a photo fetched as a blob need the bearer token outside
 * ApiClient.call (which speaks JSON): the same token, read where the session keeps it.
 */
async function authorized(api: ApiClient, path: string, init: RequestInit): Promise<Response> {
  const token = await loadToken();
  let res: Response;
  try {
    res = await fetch(api.base + path, { ...init, headers: token ? { authorization: `Bearer ${token}` } : {} });
  } catch {
    throw new ApiError(0, 'network', 'The relay cannot be reached.');
  }
  if (!res.ok) {
    const err = ((await res.json().catch(() => ({}))) as Partial<ApiErrorBody>).error;
    throw new ApiError(res.status, err?.code ?? 'internal_error', err?.message ?? res.statusText, err?.issues ?? []);
  }
  return res;
}

/** Sends an idea, with its photo as multipart/form-data when there is one. */
export async function submitIdea(api: ApiClient, boxId: string, input: CreateIdeaRequest, photo: File | null) {
  if (!photo) return api.call('POST', `/api/activities/${boxId}/ideas`, Created, input);
  const form = new FormData();
  form.set('title', input.title);
  form.set('text', input.text);
  form.set('category', input.category);
  form.set('photo', photo, photo.name);
  const res = await authorized(api, `/api/activities/${boxId}/ideas`, { method: 'POST', body: form });
  return Created.parse(await res.json());
}

export async function ideaPhoto(api: ApiClient, id: string): Promise<Blob> {
  return (await authorized(api, `/api/ideas/${id}/photo`, { method: 'GET' })).blob();
}
