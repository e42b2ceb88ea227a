import { z } from 'zod';
import { Group } from '#core/api/users';
import type { ApiClient } from './client.ts';

/** The Groups screen's calls (server/accounts/groups.ts); listing is `listGroups` in endpoints.ts. */
export const createGroup = (api: ApiClient, name: string) => api.call('POST', '/api/groups', z.object({ id: z.string() }), { name });
export const renameGroup = (api: ApiClient, id: string, name: string) => api.call('PATCH', `/api/groups/${id}`, Group, { name });
export const deleteGroup = (api: ApiClient, id: string) => api.call('DELETE', `/api/groups/${id}`, z.unknown());
export const addGroupMember = (api: ApiClient, id: string, userId: string) => api.call('POST', `/api/groups/${id}/members`, Group, { userId });
export const removeGroupMember = (api: ApiClient, id: string, userId: string) => api.call('DELETE', `/api/groups/${id}/members/${userId}`, Group);
