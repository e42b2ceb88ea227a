import type { AcceptInvitationRequest, CreateInvitationRequest } from '#core/api/invitations';
import type { NotificationSettings } from '#core/api/notifications';
import type { UpdateProfileRequest } from '#core/api/people';
import type { ApiClient } from '../api/client.ts';
import * as people from '../api/people.ts';

/** What the people screens change (own account, invitations, the People screen); each throws the relay's ApiError. */
export const acceptInvitation = (api: ApiClient, token: string, input: AcceptInvitationRequest) => people.acceptInvitation(api, token, input);
export const invite = (api: ApiClient, input: CreateInvitationRequest) => people.invite(api, input);
export const resendInvitation = (api: ApiClient, id: string) => people.resendInvitation(api, id);
export const revokeInvitation = (api: ApiClient, id: string) => people.revokeInvitation(api, id);

export const requestPasswordReset = (api: ApiClient, email: string) => people.requestPasswordReset(api, email);
export const resetPassword = (api: ApiClient, token: string, password: string) => people.resetPassword(api, token, password);
export const confirmEmailChange = (api: ApiClient, token: string) => people.confirmEmailChange(api, token);

export const updateProfile = (api: ApiClient, input: UpdateProfileRequest) => people.updateProfile(api, input);
export const requestEmailChange = (api: ApiClient, email: string, password: string) => people.requestEmailChange(api, email, password);
export const requestPhoneCode = (api: ApiClient, phone: string, smsOptIn: boolean) => people.requestPhoneCode(api, phone, smsOptIn);
export const removePhone = (api: ApiClient) => people.removePhone(api);
export const confirmPhone = (api: ApiClient, code: string) => people.confirmPhone(api, code);
export const changePassword = (api: ApiClient, current: string, password: string) => people.changePassword(api, current, password);
export const revokeSession = (api: ApiClient, id: string) => people.revokeSession(api, id);
export const revokeOtherSessions = (api: ApiClient) => people.revokeOtherSessions(api);
export const saveNotificationSettings = (api: ApiClient, input: NotificationSettings) => people.saveNotificationSettings(api, input);

export const setDisabled = (api: ApiClient, id: string, disabled: boolean) => people.setDisabled(api, id, disabled);
/** An administrator corrects a person's name and phone (the relay normalises the phone to E.164, or refuses it under the field). */
export const updatePerson = (api: ApiClient, id: string, input: { name: string; phone: string | null }) => people.updatePerson(api, id, input);
export const setRole = (api: ApiClient, id: string, role: 'admin' | 'member') => people.setRole(api, id, role);
export const erasePerson = (api: ApiClient, id: string) => people.erasePerson(api, id);
