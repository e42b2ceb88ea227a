import { publicPagePath } from '#core/api/campaigns';
import type { ApiClient } from '../api/client.ts';
import * as endpoints from '../api/campaigns.ts';

/** Publishing an idea box as a public campaign; each throws the relay's ApiError. */
export const publishIdeaBox = (api: ApiClient, activityId: string, slug: string) => endpoints.setPublicSlug(api, activityId, slug.trim());
export const unpublishIdeaBox = (api: ApiClient, activityId: string) => endpoints.setPublicSlug(api, activityId, null);

/** Where the public reads a published box: on the relay the app talks to. */
export const publicPageUrl = (api: ApiClient, slug: string) => new URL(publicPagePath(slug), api.base || window.location.origin).toString();
