import { OrganizationRights, OrganizationUsage, RetentionSettings, SignupConfirmed, SignupStatus, type SignupRequest, type UpdateRetentionRequest, type UpdateRightRequest } from '#core/api/organizations';
import type { RightId } from '#core/people/rights';
import { TokenResponse } from '#core/api/auth';
import { z } from 'zod';
import type { ApiClient } from './client.ts';

/** Organisations signing up and their plan's figures (core/api/organizations.ts). */
export const signupStatus = (api: ApiClient) => api.call('GET', '/api/signup', SignupStatus);
export const signUpOrganization = (api: ApiClient, input: SignupRequest) => api.call('POST', '/api/organizations', TokenResponse, input);
export const confirmSignup = (api: ApiClient, token: string) => api.call('POST', `/api/signup-confirmations/${encodeURIComponent(token)}`, SignupConfirmed);
export const resendConfirmation = (api: ApiClient) => api.call('POST', '/api/organization/confirmation', z.object({ expiresAt: z.string() }));
export const organizationUsage = (api: ApiClient) => api.call('GET', '/api/organization/usage', OrganizationUsage);
export const organizationRights = (api: ApiClient) => api.call('GET', '/api/organization/rights', OrganizationRights);
export const setRight = (api: ApiClient, right: RightId, input: UpdateRightRequest) => api.call('PUT', `/api/organization/rights/${right}`, OrganizationRights, input);
export const retentionSettings = (api: ApiClient) => api.call('GET', '/api/organization/retention', RetentionSettings);
export const setRetention = (api: ApiClient, input: UpdateRetentionRequest) => api.call('PUT', '/api/organization/retention', RetentionSettings, input);
