import { Activity } from '#core/api/activities';
import type { ApiClient } from './client.ts';

/** Publishes an idea box at a public slug, or unpublishes it (`null`): core/api/campaigns.ts. */
export const setPublicSlug = (api: ApiClient, activityId: string, publicSlug: string | null) =>
  api.call('PATCH', `/api/activities/${activityId}`, Activity, { publicSlug });
