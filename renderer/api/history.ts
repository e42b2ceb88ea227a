import { DocumentAt, RestoreResult, type RestoreRequest } from '#core/api/history';
import type { ApiClient } from './client.ts';

/** The activity's document as it was at `at` (GET …/document?at=). */
export const documentAt = (api: ApiClient, activityId: string, at: string) =>
  api.call('GET', `/api/activities/${activityId}/document?at=${encodeURIComponent(at)}`, DocumentAt);

/** Restores the whole activity, or what `path` names, to what it was at `at`. */
export const restore = (api: ApiClient, activityId: string, request: RestoreRequest) =>
  api.call('POST', `/api/activities/${activityId}/restore`, RestoreResult, request);
