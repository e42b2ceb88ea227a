import type { ApiClient } from '../api/client.ts';
import * as groups from '../api/groups.ts';

/** What the Groups screen changes; each throws the relay's ApiError (a name taken is `conflict`). */
export const createGroup = (api: ApiClient, name: string) => groups.createGroup(api, name.trim());
export const renameGroup = (api: ApiClient, id: string, name: string) => groups.renameGroup(api, id, name.trim());
export const deleteGroup = (api: ApiClient, id: string) => groups.deleteGroup(api, id);
export const addGroupMember = (api: ApiClient, id: string, userId: string) => groups.addGroupMember(api, id, userId);
export const removeGroupMember = (api: ApiClient, id: string, userId: string) => groups.removeGroupMember(api, id, userId);
