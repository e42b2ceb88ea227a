import type { SignupRequest, UpdateRetentionRequest, UpdateRightRequest } from '#core/api/organizations';
import type { RightId } from '#core/people/rights';
import type { ApiClient } from '../api/client.ts';
import * as endpoints from '../api/organizations.ts';

export const signUpOrganization = (api: ApiClient, input: SignupRequest) => endpoints.signUpOrganization(api, input);
export const confirmSignup = (api: ApiClient, token: string) => endpoints.confirmSignup(api, token);
export const resendConfirmation = (api: ApiClient) => endpoints.resendConfirmation(api);
export const setRight = (api: ApiClient, right: RightId, input: UpdateRightRequest) => endpoints.setRight(api, right, input);
export const setRetention = (api: ApiClient, input: UpdateRetentionRequest) => endpoints.setRetention(api, input);
