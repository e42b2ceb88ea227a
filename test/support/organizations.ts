import { Api, password } from './api.ts';
import { linkToken } from './smtp.ts';

/**
 * A second (third…) organisation on a relay open to sign-ups (CONCLAVE_SIGNUP=open): it
 * signs up, and its administrator confirms their address through the organisation's mail
 * outbox. Returns the administrator's API.
 */
export async function signUpOrganisation(base: string, organization: string, name: string, email: string, region?: string): Promise<Api> {
  const anon = new Api(base);
  const { token } = await anon.ok<{ token: string }>('POST', '/api/organizations', { organization, name, email, password, ...(region ? { region } : {}) });
  const admin = anon.as(token);
  const { messages } = await admin.ok<{ messages: { id: string }[] }>('GET', '/api/mail/messages?kind=signup-confirm');
  const mail = await admin.ok<{ text: string }>('GET', `/api/mail/messages/${messages[0]!.id}`);
  await anon.ok('POST', `/api/signup-confirmations/${linkToken(mail.text, '/#/confirm-signup/')}`);
  return admin;
}
