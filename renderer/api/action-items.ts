import { MyActions, NewActionResponse, OverdueActions, type NewActionRequest } from '#core/api/action-items';
import type { ApiClient } from './client.ts';

/** The caller's open action items across their activities (server/actions). */
export const myActions = (api: ApiClient) => api.call('GET', '/api/me/actions', MyActions);

/** Adds an action item through the relay (the decision record's button). */
export const createAction = (api: ApiClient, activityId: string, input: NewActionRequest) =>
  api.call('POST', `/api/activities/${activityId}/actions`, NewActionResponse, input);

/** Open items of the activity past their due day (facilitators). */
export const overdueActions = (api: ApiClient, activityId: string, today: string) =>
  api.call('GET', `/api/activities/${activityId}/actions/overdue?today=${today}`, OverdueActions);
