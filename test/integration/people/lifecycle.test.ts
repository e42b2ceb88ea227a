import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, addPerson, password, setUpOrganisation } from '../../support/api.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';

let relay: RelayProcess;
let admin: Api;

beforeAll(async () => {
  relay = await startRelayProcess();
  admin = await setUpOrganisation(relay.url);
}, 60_000);

afterAll(async () => {
  await relay?.stop();
  if (relay) await removeDataDir(relay.dataDir);
});

describe('account lifecycle', () => {
  it('disabling a person ends their sessions and refuses sign-in with account_disabled; enabling lets them in again', async () => {
    const bob = await addPerson(admin, 'Bob Martin');
    const { id: activity } = await admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Lyon', question: 'Where do we move the Lyon office?' });
    await admin.ok('POST', `/api/activities/${activity}/members`, { userId: bob.id, role: 'contributor' });
    expect((await bob.api.call('POST', `/api/activities/${activity}/sync-ticket`)).status).toBe(201);
    expect((await admin.ok<{ disabled: boolean }>('PATCH', `/api/users/${bob.id}`, { disabled: true })).disabled).toBe(true);
    expect((await bob.api.call('GET', '/api/me')).status).toBe(401);
    const refused = await new Api(relay.url).call<{ error: { code: string } }>('POST', '/api/session', { email: 'bob.martin@durand.example', password });
    expect([refused.status, refused.body.error.code]).toEqual([403, 'account_disabled']);
    const wrong = await new Api(relay.url).call<{ error: { code: string } }>('POST', '/api/session', { email: 'bob.martin@durand.example', password: 'not the password' });
    expect(wrong.body.error.code).toBe('invalid_credentials');
    const me = await admin.ok<{ id: string }>('GET', '/api/me');
    expect((await admin.call('PATCH', `/api/users/${me.id}`, { disabled: true })).status).toBe(409);
    await admin.ok('PATCH', `/api/users/${bob.id}`, { disabled: false });
    expect((await new Api(relay.url).call('POST', '/api/session', { email: 'bob.martin@durand.example', password })).status).toBe(201);
  });

  it('changing one’s password needs the current one and ends every other session', async () => {
    const carol = await addPerson(admin, 'Carol Roux');
    const other = await new Api(relay.url).ok<{ token: string }>('POST', '/api/session', { email: 'carol.roux@durand.example', password });
    const wrong = await carol.api.call<{ error: { code: string } }>('POST', '/api/me/password', { current: 'nope', password: 'a brand new passphrase' });
    expect(wrong.body.error.code).toBe('invalid_credentials');
    expect((await new Api(relay.url, other.token).call('GET', '/api/me')).status).toBe(200);
    await carol.api.ok('POST', '/api/me/password', { current: password, password: 'a brand new passphrase' });
    expect((await carol.api.call('GET', '/api/me')).status).toBe(200);
    expect((await new Api(relay.url, other.token).call('GET', '/api/me')).status).toBe(401);
    expect((await new Api(relay.url).call('POST', '/api/session', { email: 'carol.roux@durand.example', password: 'a brand new passphrase' })).status).toBe(201);
  });
});
