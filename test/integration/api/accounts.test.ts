import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, addPerson, password, setUpOrganisation } from '../../support/api.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';

type ErrorBody = { error: { code: string; message: string } };

describe('accounts API', () => {
  let relay: RelayProcess;
  let admin: Api;
  let anon: Api;

  beforeAll(async () => {
    relay = await startRelayProcess();
    anon = new Api(relay.url);
    expect((await anon.ok<{ setUp: boolean }>('GET', '/api/setup')).setUp).toBe(false);
    admin = await setUpOrganisation(relay.url);
  });

  afterAll(async () => {
    await relay.stop();
    await removeDataDir(relay.dataDir);
  });

  it('GET /healthz answers 200', async () => {
    expect((await anon.call('GET', '/healthz')).status).toBe(200);
  });

  it('setup works once, then answers 409', async () => {
    expect((await anon.ok<{ setUp: boolean }>('GET', '/api/setup')).setUp).toBe(true);
    const again = await anon.call<ErrorBody>('POST', '/api/setup', {
      organization: 'Intruder Ltd',
      name: 'Mallory',
      email: 'mallory@example.org',
      password,
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_set_up');
  });

  it('refuses malformed JSON, unknown fields, wrong media types and oversize bodies, changing nothing', async () => {
    const before = (await admin.ok<{ users: unknown[] }>('GET', '/api/users')).users.length;
    const bad = await admin.call<ErrorBody>('POST', '/api/users', '{"name": "Half');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('invalid_json');
    const unknown = await admin.call<ErrorBody>('POST', '/api/users', {
      name: 'Zoe',
      email: 'zoe@durand.example',
      password,
      role: 'member',
      salary: 1,
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain('salary');
    const res = await fetch(`${relay.url}/api/users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'text/plain' },
      body: 'name=zoe',
    });
    expect(res.status).toBe(415);
    const huge = await admin.call<ErrorBody>('POST', '/api/users', { name: 'x'.repeat(300_000) });
    expect(huge.status).toBe(413);
    expect((await admin.ok<{ users: unknown[] }>('GET', '/api/users')).users.length).toBe(before);
  });

  it('errors are JSON with a code and a message, never a stack trace', async () => {
    const res = await anon.call<ErrorBody>('GET', '/api/nowhere');
    expect(res.status).toBe(404);
    expect(res.body.error).toEqual({ code: 'not_found', message: expect.stringContaining('/api/nowhere') });
    const wrongMethod = await anon.call<ErrorBody>('DELETE', '/api/setup');
    expect(wrongMethod.status).toBe(405);
  });

  it('signs in with the right password only', async () => {
    const wrong = await anon.call<ErrorBody>('POST', '/api/session', { email: 'alice@durand.example', password: 'not the password' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('invalid_credentials');
    const nobody = await anon.call<ErrorBody>('POST', '/api/session', { email: 'nobody@durand.example', password });
    expect(nobody.status).toBe(401);
    const ok = await anon.call<{ token: string }>('POST', '/api/session', { email: 'ALICE@durand.example', password });
    expect(ok.status).toBe(201);
  });

  it('a signed-out token no longer works', async () => {
    const { token } = await anon.ok<{ token: string }>('POST', '/api/session', { email: 'alice@durand.example', password });
    const session = anon.as(token);
    expect((await session.call('GET', '/api/me')).status).toBe(200);
    await session.ok('DELETE', '/api/session');
    expect((await session.call('GET', '/api/me')).status).toBe(401);
  });

  it('an admin can revoke every session of a person', async () => {
    const bob = await addPerson(admin, 'Bob Revoked');
    expect((await bob.api.call('GET', '/api/me')).status).toBe(200);
    const { revoked } = await admin.ok<{ revoked: number }>('POST', `/api/users/${bob.id}/revoke-sessions`);
    expect(revoked).toBe(1);
    expect((await bob.api.call('GET', '/api/me')).status).toBe(401);
  });

  it('only admins create people; e-mails are unique', async () => {
    const member = await addPerson(admin, 'Mia Member');
    const denied = await member.api.call<ErrorBody>('POST', '/api/users', {
      name: 'Sneaky',
      email: 'sneaky@durand.example',
      password,
      role: 'admin',
    });
    expect(denied.status).toBe(403);
    const duplicate = await admin.call<ErrorBody>('POST', '/api/users', {
      name: 'Mia Again',
      email: 'mia.member@durand.example',
      password,
      role: 'member',
    });
    expect(duplicate.status).toBe(409);
  });

  it('phone numbers are stored in E.164, refused when invalid, and shown only to admins and oneself', async () => {
    const { id } = await admin.ok<{ id: string }>('POST', '/api/users', {
      name: 'Paul Phone',
      email: 'paul@durand.example',
      password,
      role: 'member',
      phone: '06 12 34 56 78',
    });
    expect((await admin.ok<{ phone: string }>('GET', `/api/users/${id}`)).phone).toBe('+33612345678');
    const invalid = await admin.call<ErrorBody>('POST', '/api/users', {
      name: 'Bad Phone',
      email: 'bad.phone@durand.example',
      password,
      role: 'member',
      phone: '01 23',
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.message).toMatch(/phone/);
    const users = (await admin.ok<{ users: { email: string }[] }>('GET', '/api/users')).users;
    expect(users.some((u) => u.email === 'bad.phone@durand.example')).toBe(false);

    const member = await addPerson(admin, 'Nosy Neighbour');
    const seen = (await member.api.ok<{ users: { id: string; phone: string | null }[] }>('GET', '/api/users')).users;
    expect(seen.find((u) => u.id === id)?.phone).toBeNull();
  });

  it('the last administrator cannot be demoted', async () => {
    const me = await admin.ok<{ id: string }>('GET', '/api/me');
    const res = await admin.call<ErrorBody>('PATCH', `/api/users/${me.id}`, { role: 'member' });
    expect(res.status).toBe(409);
  });

  it('groups gather people; unknown people are refused', async () => {
    const a = await addPerson(admin, 'Group One');
    const { id } = await admin.ok<{ id: string }>('POST', '/api/groups', { name: 'Directors', members: [a.id] });
    expect((await admin.ok<{ members: string[] }>('GET', `/api/groups/${id}`)).members).toEqual([a.id]);
    const bad = await admin.call<ErrorBody>('POST', '/api/groups', { name: 'Ghosts', members: ['nobody-at-all-123'] });
    expect(bad.status).toBe(400);
    const dup = await admin.call<ErrorBody>('POST', '/api/groups', { name: 'Directors' });
    expect(dup.status).toBe(409);
  });
});

describe('cross-origin access (the desktop app runs at app://conclave)', () => {
  let relay: RelayProcess;

  beforeAll(async () => {
    relay = await startRelayProcess();
  });

  afterAll(async () => {
    await relay.stop();
    await removeDataDir(relay.dataDir);
  });

  it('answers a preflight for the API with the methods and headers the client uses', async () => {
    const res = await fetch(`${relay.url}/api/session`, {
      method: 'OPTIONS',
      headers: {
        origin: 'app://conclave',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(res.headers.get('access-control-allow-methods')).toContain('PATCH');
  });

  it('marks API answers, errors included, as readable cross-origin', async () => {
    const res = await fetch(`${relay.url}/api/me`, { headers: { origin: 'app://conclave' } });
    expect(res.status).toBe(401);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });
});
