import type { SignupRequest } from '#core/api/organizations';
import type { ApiClient } from '../api/client.ts';
import * as endpoints from '../api/organizations.ts';

export const signUpOrganization = (api: ApiClient, input: SignupRequest) => endpoints.signUpOrganization(api, input);
export const confirmSignup = (api: ApiClient, token: string) => endpoints.confirmSignup(api, token);
export const resendConfirmation = (api: ApiClient) => endpoints.resendConfirmation(api);
