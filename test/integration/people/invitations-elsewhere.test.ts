import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Invitation } from '#core/api/invitations';
import { Api, addPerson, password, setUpOrganisation } from '../../support/api.ts';
import { startMailRelay, type MailRelay } from '../../support/mail-relay.ts';
import { signUpOrganisation } from '../../support/organizations.ts';
import { addSmsMember } from '../../support/sms.ts';

/**
 * What an inviter learns of addresses outside their organisation, on a real relay open to
 * sign-ups with SMTP on loopback: nothing. An address with an account in another
 * organisation is invited like any other (same status, same answer, pending in the list);
 * only the link's holder hears, on accepting, that the address has an account and what to
 * do. Each inviter sends at most 200 invitation e-mails a day — resends count, and
 * requests sent at once cannot pass the bound together.
 */
let world: MailRelay;
let admin: Api;
let rival: Api;
let facilitator: Api;
let activity: string;
const olga = 'olga@rival.example';

beforeAll(async () => {
  world = await startMailRelay(new Date('2026-12-01T09:00:00Z'), { CONCLAVE_SIGNUP: 'open' });
  admin = await setUpOrganisation(world.relay.url);
  rival = await signUpOrganisation(world.relay.url, 'Rival Company', 'Olga Outsider', olga);
  facilitator = (await addPerson(admin, 'Fabien Facilitateur')).api;
  activity = (await facilitator.ok<{ id: string }>('POST', '/api/activities', { title: 'Lyon office', question: 'Where do we move the Lyon office?' })).id;
}, 120_000);

afterAll(async () => {
  await world?.close();
});

const invite = (api: Api, body: object) => api.call<Record<string, unknown>>('POST', '/api/invitations', body);
const shape = (r: { status: number; body: Record<string, unknown> }) => [r.status, Object.keys(r.body).sort(), r.body.guest, r.body.sms];

describe('inviting an address outside the organisation', () => {
  it('an address with an account in another organisation is invited like any other; its link says, to its holder alone, what to do', async () => {
    const taken = await invite(facilitator, { email: olga, activityId: activity });
    const free = await invite(facilitator, { email: 'nobody@rival.example', activityId: activity });
    expect(shape(taken)).toEqual(shape(free));
    expect(shape(taken)).toEqual([201, ['expiresAt', 'guest', 'id', 'sms'], true, null]);
    // To the organisation, by its administrator: the same.
    expect(shape(await invite(admin, { email: olga }))).toEqual(shape(await invite(admin, { email: 'nobody.else@rival.example' })));

    const pending = (await facilitator.ok<{ invitations: Invitation[] }>('GET', '/api/invitations')).invitations;
    expect(pending.filter((i) => i.email === olga).map((i) => i.status)).toEqual(['pending']);

    // Olga gets the invitation; accepting answers what to do, and changes nothing.
    const token = await world.smtp.tokenTo(olga, '/#/invite/', 2); // her first is her organisation's sign-up
    const accepted = await new Api(world.relay.url).call<{ error?: { code: string; message: string } }>('POST', `/api/invitations/${token}/accept`, { name: 'Olga', password });
    expect([accepted.status, accepted.body.error?.code]).toEqual([409, 'address_taken']);
    expect(accepted.body.error?.message).toContain('ask whoever invited you to invite another of your addresses');
    const signedIn = await new Api(world.relay.url).ok<{ token: string }>('POST', '/api/session', { email: olga, password });
    expect(await new Api(world.relay.url, signedIn.token).ok('GET', '/api/me')).toMatchObject({ name: 'Olga Outsider', guest: false });
    expect((await rival.ok<{ users: { email: string }[] }>('GET', '/api/users')).users.map((u) => u.email)).toEqual([olga]);
    expect((await facilitator.ok<{ invitations: Invitation[] }>('GET', '/api/invitations')).invitations.filter((i) => i.email === olga).map((i) => i.status)).toEqual(['pending']);
  });

  it('with a number for the SMS copy, an address with an account in another organisation gets the same answer as any, whatever the number agreed to', async () => {
    // Rita is Rival's, her number agreed to Rival's SMS; Marc is Maison Durand's, his number agreed to Durand's.
    await rival.ok('POST', '/api/users', { name: 'Rita Rival', email: 'rita@rival.example', password, role: 'member', phone: '+33 6 70 00 00 01', smsOptIn: true });
    await addSmsMember(admin, 'Marc Mobile', '+33 6 70 00 00 02');
    let n = 0;
    const answer = async (email: string, phone: string) => {
      const r = await invite(facilitator, { email, phone, activityId: activity });
      return [r.status, Object.keys(r.body).sort(), r.body.guest, r.body.sms];
    };
    for (const phone of ['+33 6 70 00 00 01', '+33 6 70 00 00 02', '+33 6 70 00 00 03']) {
      n++;
      const taken = await answer('rita@rival.example', phone);
      expect(taken).toEqual(await answer(`free${n}@rival.example`, phone));
    }
    // Durand's own consent counts, and only it: the SMS copy goes to Marc's number whoever is invited, never to Rita's.
    expect(await answer('rita.bis@rival.example', '+33 6 70 00 00 02')).toEqual([201, ['expiresAt', 'guest', 'id', 'sms'], true, { sent: true, reason: null }]);
    expect(await answer('rita.ter@rival.example', '+33 6 70 00 00 01')).toEqual([201, ['expiresAt', 'guest', 'id', 'sms'], true, { sent: false, reason: 'no_consent' }]);
  });

  it('an inviter sends at most 200 invitation e-mails a day: resends count, requests sent at once do not pass together, and a refusal changes nothing', async () => {
    const paul = (await addPerson(admin, 'Paul Prolifique')).api;
    const { id: box } = await paul.ok<{ id: string }>('POST', '/api/activities', { title: 'Canteen', question: 'Which caterer from January?' });
    const sends = (await paul.ok<{ invitations: Invitation[] }>('GET', '/api/invitations?status=all')).invitations;
    expect(sends).toEqual([]);
    let first = '';
    for (let i = 0; i < 180; i++) {
      const { id } = await paul.ok<{ id: string }>('POST', '/api/invitations', { email: `guest${i}@outside.example`, activityId: box });
      first ||= id;
    }
    // 30 at once, 20 places left: exactly 20 pass.
    const burst = await Promise.all(Array.from({ length: 30 }, (_, i) => invite(paul, { email: `burst${i}@outside.example`, activityId: box })));
    expect(burst.map((r) => r.status).sort()).toEqual([...Array(20).fill(201), ...Array(10).fill(429)]);
    const listed = async () => (await paul.ok<{ invitations: Invitation[] }>('GET', '/api/invitations?status=all')).invitations.length;
    expect(await listed()).toBe(200);
    // A resend is an invitation e-mail too.
    const resent = await paul.call<{ error?: { code: string } }>('POST', `/api/invitations/${first}/resend`);
    expect([resent.status, resent.body.error?.code]).toEqual([429, 'rate_limited']);
    expect(Number(resent.headers.get('retry-after'))).toBeGreaterThan(0);
    const row = (await paul.ok<{ invitations: Invitation[] }>('GET', '/api/invitations?status=all')).invitations.find((i) => i.id === first);
    expect(row?.sentCount).toBe(1);
    expect(await listed()).toBe(200);
    // Another inviter is not held by Paul's share.
    expect((await invite(facilitator, { email: 'someone@outside.example', activityId: activity })).status).toBe(201);
  }, 120_000);
});
