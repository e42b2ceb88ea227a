import type { ActivityRole, ActivityStatus, CreateActivityRequest } from '#core/api/activities';
import type { SetupRequest, SignInRequest } from '#core/api/auth';
import type { ApiClient } from '../api/client.ts';
import * as endpoints from '../api/endpoints.ts';

/** Setting up, signing in, opening and moving activities; each throws the relay's ApiError. */
export const setUpOrganisation = (api: ApiClient, input: SetupRequest) => endpoints.setUp(api, input);
export const signIn = (api: ApiClient, input: SignInRequest) => endpoints.signIn(api, input);
export const createActivity = (api: ApiClient, input: CreateActivityRequest) => endpoints.createActivity(api, input);
export const changeStatus = (api: ApiClient, activityId: string, status: ActivityStatus) => endpoints.updateStatus(api, activityId, status);

export type { Subject } from '../api/endpoints.ts';
export const addMember = (api: ApiClient, activityId: string, subject: endpoints.Subject, role: ActivityRole) => endpoints.addMember(api, activityId, subject, role);
export const changeMemberRole = (api: ApiClient, activityId: string, subject: endpoints.Subject, role: ActivityRole) =>
  endpoints.changeMemberRole(api, activityId, subject, role);
export const removeMember = (api: ApiClient, activityId: string, subject: endpoints.Subject) => endpoints.removeMember(api, activityId, subject);
