import type { ApiClient } from '../api/client.ts';
import * as endpoints from '../api/history.ts';

/**
 * Brings back what the activity held at a past moment: everything (`path` absent), a
 * board (`methods/<id>`), an item (`methods/<id>/items/<id>`), a comment
 * (`comments/<id>`) or the brief. The relay applies it as the caller's change, live for
 * everyone; throws its ApiError when refused.
 */
export const restoreMoment = (api: ApiClient, activityId: string, at: string, path?: string) =>
  endpoints.restore(api, activityId, path === undefined ? { at } : { at, path });
