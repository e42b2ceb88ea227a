import { z } from 'zod';
import { IdeaBoxSettings, IdeaQueues, Recognition, type ModerateIdeaRequest, type ReportIdeaRequest } from '#core/api/idea-funnel';
import { IdeaDetail } from '#core/api/ideas';
import type { ApiClient } from './client.ts';

/** The organisation's side of an idea box (core/api/idea-funnel.ts). */
export const boxSettings = (api: ApiClient, boxId: string) => api.call('GET', `/api/activities/${boxId}/idea-settings`, IdeaBoxSettings);
export const updateBoxSettings = (api: ApiClient, boxId: string, patch: Partial<IdeaBoxSettings>) =>
  api.call('PATCH', `/api/activities/${boxId}/idea-settings`, IdeaBoxSettings, patch);
export const ideaQueues = (api: ApiClient, boxId: string) => api.call('GET', `/api/activities/${boxId}/idea-queues`, IdeaQueues);
export const moderate = (api: ApiClient, ideaId: string, input: ModerateIdeaRequest) => api.call('POST', `/api/ideas/${ideaId}/moderation`, IdeaDetail, input);
export const shortlist = (api: ApiClient, ideaId: string, on: boolean) =>
  api.call(on ? 'POST' : 'DELETE', `/api/ideas/${ideaId}/shortlist`, IdeaDetail, on ? {} : undefined);
export const report = (api: ApiClient, ideaId: string, input: ReportIdeaRequest) => api.call('POST', `/api/ideas/${ideaId}/reports`, z.unknown(), input);
export const dismissReports = (api: ApiClient, ideaId: string) => api.call('DELETE', `/api/ideas/${ideaId}/reports`, IdeaDetail);
export const merge = (api: ApiClient, ideaId: string, into: string) => api.call('POST', `/api/ideas/${ideaId}/merge`, IdeaDetail, { into });
export const study = (api: ApiClient, ideaId: string) =>
  api.call('POST', `/api/ideas/${ideaId}/study`, z.object({ activityId: z.string(), idea: IdeaDetail }), {});
export const studiedIdea = (api: ApiClient, activityId: string) =>
  api.call('GET', `/api/activities/${activityId}/studied-idea`, z.object({ idea: z.object({ id: z.string(), boxId: z.string(), title: z.string(), status: z.string() }).nullable() }));
export const reward = (api: ApiClient, ideaId: string, text: string) => api.call('POST', `/api/ideas/${ideaId}/reward`, IdeaDetail, { text });
export const recognition = (api: ApiClient, boxId: string) => api.call('GET', `/api/activities/${boxId}/recognition`, Recognition);
export const ideaCredit = (api: ApiClient) => api.call('GET', '/api/me/idea-credit', z.object({ credit: z.boolean() }));
export const setIdeaCredit = (api: ApiClient, credit: boolean) => api.call('PUT', '/api/me/idea-credit', z.object({ credit: z.boolean() }), { credit });
