import { z } from 'zod';
import {
  Activity,
  ActivityMember,
  ActivityPerson,
  HistoryPage,
  SyncTicket,
  type ActivityRole,
  type ActivityStatus,
  type CreateActivityRequest,
} from '#core/api/activities';
import { SetupStatus, TokenResponse, type SetupRequest, type SignInRequest } from '#core/api/auth';
import { Group, Me, User } from '#core/api/users';
import type { ApiClient } from './client.ts';

const Created = z.object({ id: z.string() });
const Members = z.object({ members: z.array(ActivityMember) });
const Nothing = z.unknown();

export const setupStatus = (api: ApiClient) => api.call('GET', '/api/setup', SetupStatus);
export const setUp = (api: ApiClient, input: SetupRequest) => api.call('POST', '/api/setup', TokenResponse, input);
export const signIn = (api: ApiClient, input: SignInRequest) => api.call('POST', '/api/session', TokenResponse, input);
export const signOut = (api: ApiClient) => api.call('DELETE', '/api/session', Nothing);
export const me = (api: ApiClient) => api.call('GET', '/api/me', Me);

export const listUsers = async (api: ApiClient) =>
  (await api.call('GET', '/api/users', z.object({ users: z.array(User) }))).users;
export const listGroups = async (api: ApiClient) =>
  (await api.call('GET', '/api/groups', z.object({ groups: z.array(Group) }))).groups;

export async function listActivities(api: ApiClient, filter: { status?: ActivityStatus; q?: string }) {
  const query = new URLSearchParams();
  if (filter.status) query.set('status', filter.status);
  if (filter.q) query.set('q', filter.q);
  const qs = query.size > 0 ? `?${query}` : '';
  return (await api.call('GET', `/api/activities${qs}`, z.object({ activities: z.array(Activity) }))).activities;
}

export const createActivity = (api: ApiClient, input: CreateActivityRequest) =>
  api.call('POST', '/api/activities', Created, input);
export const getActivity = (api: ApiClient, id: string) => api.call('GET', `/api/activities/${id}`, Activity);
export const updateStatus = (api: ApiClient, id: string, status: ActivityStatus) =>
  api.call('PATCH', `/api/activities/${id}`, Activity, { status });

export const listMembers = async (api: ApiClient, id: string) =>
  (await api.call('GET', `/api/activities/${id}/members`, Members)).members;

/** Each person taking part, with the role that counts and where it comes from. */
export const listActivityPeople = async (api: ApiClient, id: string) =>
  (await api.call('GET', `/api/activities/${id}/people`, z.object({ people: z.array(ActivityPerson) }))).people;

export type Subject = { kind: 'user' | 'group'; id: string };
const subjectPath = (s: Subject) => `${s.kind === 'user' ? 'users' : 'groups'}/${s.id}`;

export const addMember = async (api: ApiClient, id: string, subject: Subject, role: ActivityRole) =>
  (
    await api.call(
      'POST',
      `/api/activities/${id}/members`,
      Members,
      subject.kind === 'user' ? { userId: subject.id, role } : { groupId: subject.id, role },
    )
  ).members;
export const changeMemberRole = async (api: ApiClient, id: string, subject: Subject, role: ActivityRole) =>
  (await api.call('PATCH', `/api/activities/${id}/members/${subjectPath(subject)}`, Members, { role })).members;
export const removeMember = async (api: ApiClient, id: string, subject: Subject) =>
  (await api.call('DELETE', `/api/activities/${id}/members/${subjectPath(subject)}`, Members)).members;

export const syncTicket = (api: ApiClient, id: string) => api.call('POST', `/api/activities/${id}/sync-ticket`, SyncTicket);

export const history = (api: ApiClient, id: string, before?: number) =>
  api.call('GET', `/api/activities/${id}/history${before ? `?before=${before}` : ''}`, HistoryPage);
