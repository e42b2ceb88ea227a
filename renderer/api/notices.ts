import { z } from 'zod';
import { ActivityNotice, NoticeWait } from '#core/api/notifications';
import type { ApiClient } from './client.ts';

/**
 * The relay's in-app notices about decisions (server/decisions/record.ts): one was
 * published, its review date has come, it is time to rate it. Idea notices and the
 * controller's figure alerts have their endpoints in ideas.ts and figures.ts.
 */
export const DecisionNotice = z.object({
  id: z.number(),
  kind: z.string(),
  activityId: z.string(),
  activityTitle: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type DecisionNotice = z.infer<typeof DecisionNotice>;

export const decisionNotices = async (api: ApiClient) =>
  (await api.call('GET', '/api/decision-notices', z.object({ notices: z.array(DecisionNotice) }))).notices;

export const readDecisionNotice = (api: ApiClient, id: number) => api.call('POST', `/api/decision-notices/${id}/read`, z.unknown());

/** Notices about activities: mentioned, a vote opening or closing soon, added to one (core/api/notifications.ts). */
export const activityNotices = async (api: ApiClient) => (await api.call('GET', '/api/me/notices', z.object({ notices: z.array(ActivityNotice) }))).notices;

export const readActivityNotice = (api: ApiClient, id: number) => api.call('POST', `/api/me/notices/${id}/read`, z.unknown());

/** Held by the relay until a notice of the caller's is written, or 25 s (core/api/notifications.ts). */
export const waitForNotices = (api: ApiClient, after: string | undefined) =>
  api.call('GET', `/api/me/notices/wait${after === undefined ? '' : `?after=${encodeURIComponent(after)}`}`, NoticeWait);
