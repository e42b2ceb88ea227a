import { z } from 'zod';
import { TokenResponse } from '#core/api/auth';
import { CreateInvitationResponse, Invitation, InvitationPreview, type AcceptInvitationRequest, type CreateInvitationRequest } from '#core/api/invitations';
import { NotificationSettings } from '#core/api/notifications';
import { PasswordResetPreview, PendingChange, SessionInfo, type UpdateProfileRequest } from '#core/api/people';
import { Me, User } from '#core/api/users';
import type { ApiClient } from './client.ts';

/** People's own accounts, invitations and the People screen (core/api/people.ts, invitations.ts, notifications.ts). */
const Nothing = z.unknown();

export const previewInvitation = (api: ApiClient, token: string) => api.call('GET', `/api/invitations/${token}/preview`, InvitationPreview);
export const acceptInvitation = (api: ApiClient, token: string, input: AcceptInvitationRequest) =>
  api.call('POST', `/api/invitations/${token}/accept`, TokenResponse, input);
export const invite = (api: ApiClient, input: CreateInvitationRequest) => api.call('POST', '/api/invitations', CreateInvitationResponse, input);
export const listInvitations = async (api: ApiClient) =>
  (await api.call('GET', '/api/invitations?status=all', z.object({ invitations: z.array(Invitation) }))).invitations;
export const resendInvitation = (api: ApiClient, id: string) => api.call('POST', `/api/invitations/${id}/resend`, Invitation);
export const revokeInvitation = (api: ApiClient, id: string) => api.call('DELETE', `/api/invitations/${id}`, Nothing);

export const requestPasswordReset = (api: ApiClient, email: string) => api.call('POST', '/api/password-resets', Nothing, { email });
export const previewPasswordReset = (api: ApiClient, token: string) => api.call('GET', `/api/password-resets/${token}`, PasswordResetPreview);
export const resetPassword = (api: ApiClient, token: string, password: string) =>
  api.call('POST', `/api/password-resets/${token}`, TokenResponse, { password });
export const confirmEmailChange = (api: ApiClient, token: string) => api.call('POST', `/api/email-changes/${token}`, z.object({ email: z.string() }));

export const updateProfile = (api: ApiClient, input: UpdateProfileRequest) => api.call('PATCH', '/api/me', Me, input);
export const requestEmailChange = (api: ApiClient, email: string, password: string) => api.call('POST', '/api/me/email', PendingChange, { email, password });
export const requestPhoneCode = (api: ApiClient, phone: string, smsOptIn: boolean) => api.call('POST', '/api/me/phone', PendingChange, { phone, smsOptIn });
export const removePhone = (api: ApiClient) => api.call('POST', '/api/me/phone', Me, { phone: null });
export const confirmPhone = (api: ApiClient, code: string) => api.call('POST', '/api/me/phone/confirm', Me, { code });
export const changePassword = (api: ApiClient, current: string, password: string) => api.call('POST', '/api/me/password', Nothing, { current, password });

export const listSessions = async (api: ApiClient) => (await api.call('GET', '/api/me/sessions', z.object({ sessions: z.array(SessionInfo) }))).sessions;
export const revokeSession = (api: ApiClient, id: string) => api.call('DELETE', `/api/me/sessions/${id}`, Nothing);
export const revokeOtherSessions = (api: ApiClient) => api.call('POST', '/api/me/sessions/revoke-others', z.object({ revoked: z.number() }));

export const notificationSettings = (api: ApiClient) => api.call('GET', '/api/me/notifications', NotificationSettings);
export const saveNotificationSettings = (api: ApiClient, input: NotificationSettings) => api.call('PUT', '/api/me/notifications', NotificationSettings, input);
export const exportMyData = (api: ApiClient) => api.blob('/api/me/export');

export const listPeople = async (api: ApiClient) => (await api.call('GET', '/api/users?include=disabled', z.object({ users: z.array(User) }))).users;
export const setDisabled = (api: ApiClient, id: string, disabled: boolean) => api.call('PATCH', `/api/users/${id}`, User, { disabled });
export const updatePerson = (api: ApiClient, id: string, input: { name: string; phone: string | null }) => api.call('PATCH', `/api/users/${id}`, User, input);
export const setRole = (api: ApiClient, id: string, role: 'admin' | 'member') => api.call('PATCH', `/api/users/${id}`, User, { role });
export const erasePerson = (api: ApiClient, id: string) => api.call('POST', `/api/users/${id}/erase`, Nothing);
