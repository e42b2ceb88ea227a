import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, password, setUpOrganisation } from '../../support/api.ts';
import { startMailRelay, type MailRelay } from '../../support/mail-relay.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { queryStore } from '../../support/store-reader.ts';

/**
 * Organisations sign up on their own when the operator opens sign-up (CONCLAVE_SIGNUP=open):
 * real relays on loopback, the confirmation link through an SMTP server on loopback.
 */
type Answer = { token?: string; error?: { code: string; message: string } };
const signup = (email: string, organization = 'Boulangerie Martin') => ({ organization, name: 'Bruno Martin', email, password });

describe('sign-up closed (the default)', () => {
  let relay: RelayProcess;
  beforeAll(async () => {
    relay = await startRelayProcess();
  }, 60_000);
  afterAll(async () => {
    await relay?.stop();
    if (relay) await removeDataDir(relay.dataDir);
  });

  it('POST /api/organizations is 403 signup_closed and writes nothing; the first-run setup works as before', async () => {
    const anon = new Api(relay.url);
    expect((await anon.ok<{ open: boolean }>('GET', '/api/signup')).open).toBe(false);
    const refused = await anon.call<Answer>('POST', '/api/organizations', signup('bruno@martin.example'));
    expect(refused.status).toBe(403);
    expect(refused.body.error?.code).toBe('signup_closed');
    expect(await queryStore(relay.dataDir, 'SELECT id FROM organizations')).toEqual([]);
    const admin = await setUpOrganisation(relay.url);
    expect((await admin.ok<{ role: string }>('GET', '/api/me')).role).toBe('admin');
    expect((await anon.call('POST', '/api/setup', signup('other@martin.example'))).status).toBe(409);
    const again = await anon.call<Answer>('POST', '/api/organizations', signup('bruno@martin.example'));
    expect(again.body.error?.code).toBe('signup_closed');
    expect(await queryStore(relay.dataDir, 'SELECT plan FROM organizations')).toEqual([{ plan: 'unlimited' }]);
  });
});

describe('sign-up open', () => {
  let world: MailRelay;
  let anon: Api;
  beforeAll(async () => {
    world = await startMailRelay(new Date('2026-12-05T09:00:00Z'), {
      CONCLAVE_SIGNUP: 'open',
      CONCLAVE_DEFAULT_PLAN: 'basic',
      CONCLAVE_SIGNUPS_PER_HOUR: '5',
    });
    anon = new Api(world.relay.url);
    await setUpOrganisation(world.relay.url);
  }, 60_000);
  afterAll(async () => {
    await world?.close();
  });

  it('an organisation signs up, its admin is signed in but may invite no one until the e-mailed link is opened', async () => {
    expect((await anon.ok<{ open: boolean }>('GET', '/api/signup')).open).toBe(true);
    const created = await anon.call<Answer>('POST', '/api/organizations', signup('bruno@martin.example'));
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const bruno = anon.as(created.body.token!);
    const me = await bruno.ok<{ role: string; name: string }>('GET', '/api/me');
    expect(me).toMatchObject({ role: 'admin', name: 'Bruno Martin' });
    const orgs = await queryStore<{ name: string; plan: string; signed_up: number }>(world.relay.dataDir, 'SELECT name, plan, signed_up FROM organizations ORDER BY created_at');
    expect(orgs.map((o) => [o.name, o.plan, o.signed_up])).toEqual([
      ['Maison Durand', 'basic', 0],
      ['Boulangerie Martin', 'basic', 1],
    ]);

    const usage = await bruno.ok<{ emailConfirmed: boolean; plan: string }>('GET', '/api/organization/usage');
    expect(usage).toMatchObject({ emailConfirmed: false, plan: 'basic' });
    const invite = await bruno.call<Answer>('POST', '/api/invitations', { email: 'mia@martin.example' });
    expect([invite.status, invite.body.error?.code]).toEqual([403, 'email_unconfirmed']);
    const add = await bruno.call<Answer>('POST', '/api/users', { name: 'Mia Martin', email: 'mia@martin.example', password, role: 'member' });
    expect([add.status, add.body.error?.code]).toEqual([403, 'email_unconfirmed']);
    expect(await queryStore(world.relay.dataDir, "SELECT id FROM invitations UNION ALL SELECT id FROM users WHERE email = 'mia@martin.example'")).toEqual([]);

    const mail = await world.smtp.nthTo('bruno@martin.example');
    expect(mail.subject).toContain('Boulangerie Martin');
    const token = await world.smtp.tokenTo('bruno@martin.example', '/#/confirm-signup/');
    expect((await anon.call('POST', `/api/signup-confirmations/${token}`)).status).toBe(200);
    expect((await bruno.ok<{ emailConfirmed: boolean }>('GET', '/api/organization/usage')).emailConfirmed).toBe(true);
    expect((await bruno.call('POST', '/api/invitations', { email: 'mia@martin.example' })).status).toBe(201);
    const reused = await anon.call<Answer>('POST', `/api/signup-confirmations/${token}`);
    expect([reused.status, reused.body.error?.code]).toEqual([410, 'link_used']);
    expect((await anon.call('POST', `/api/signup-confirmations/${'x'.repeat(30)}`)).status).toBe(404);
  });

  it('a new link may be asked for: the older one stops working, the new one confirms, and none is sent once confirmed', async () => {
    const created = await anon.call<Answer>('POST', '/api/organizations', signup('lea@lea.example', 'Librairie Léa'));
    const lea = anon.as(created.body.token!);
    const first = await world.smtp.tokenTo('lea@lea.example', '/#/confirm-signup/');
    expect((await lea.call('POST', '/api/organization/confirmation')).status).toBe(202);
    const second = await world.smtp.tokenTo('lea@lea.example', '/#/confirm-signup/', 2);
    expect(second).not.toBe(first);
    const old = await anon.call<Answer>('POST', `/api/signup-confirmations/${first}`);
    expect([old.status, old.body.error?.code]).toEqual([410, 'link_used']);
    expect((await lea.ok<{ emailConfirmed: boolean }>('GET', '/api/organization/usage')).emailConfirmed).toBe(false);
    expect((await anon.call('POST', `/api/signup-confirmations/${second}`)).status).toBe(200);
    const again = await lea.call<Answer>('POST', '/api/organization/confirmation');
    expect([again.status, again.body.error?.code]).toEqual([409, 'conflict']);
    expect(world.smtp.to('lea@lea.example')).toHaveLength(2);
  });

  it('an address that has an account cannot sign up again; sign-ups from one address are bounded per hour (nothing written past it)', async () => {
    // The first two tests used two of this hour's 5; the refused duplicate counts too.
    const taken = await anon.call<Answer>('POST', '/api/organizations', signup('bruno@martin.example', 'Martin Bis'));
    expect([taken.status, taken.body.error?.code]).toEqual([409, 'conflict']);
    expect((await anon.call('POST', '/api/organizations', signup('c@c.example', 'Café C'))).status).toBe(201);
    expect((await anon.call('POST', '/api/organizations', signup('d@d.example', 'Dépôt D'))).status).toBe(201);
    const limited = await anon.call<Answer>('POST', '/api/organizations', signup('e@e.example', 'Épicerie E'));
    expect([limited.status, limited.body.error?.code]).toEqual([429, 'rate_limited']);
    expect(await queryStore(world.relay.dataDir, "SELECT id FROM organizations WHERE name IN ('Martin Bis', 'Épicerie E')")).toEqual([]);
  });
});
