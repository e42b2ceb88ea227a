import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Invitation } from '#core/api/invitations';
import { Api, addPerson, password, setUpOrganisation } from '../../support/api.ts';
import { startMailRelay, type MailRelay } from '../../support/mail-relay.ts';
import type { RelayProcess } from '../../support/relay.ts';
import type { TestSmtp } from '../../support/smtp.ts';

/**
 * Invitations over a real relay and an SMTP server on loopback: invite → e-mail →
 * accept → signed in; links used twice, revoked, replaced or expired are refused; a
 * guest sees the one activity they were invited to and nothing of the organisation.
 */
let world: MailRelay;
let relay: RelayProcess;
let smtp: TestSmtp;
let admin: Api;
let facilitator: Api;
let activity: string;
let otherActivity: string;
const start = new Date('2026-12-01T09:00:00Z');
const setClock = (at: Date) => world.setClock(at);

const tokenMailedTo = (address: string, nth = 1) => smtp.tokenTo(address, '/#/invite/', nth);

const accept = (token: string, body: object = { name: 'Someone New', password }) =>
  new Api(relay.url).call<{ token?: string; error?: { code: string } }>('POST', `/api/invitations/${token}/accept`, body);

beforeAll(async () => {
  world = await startMailRelay(start);
  ({ relay, smtp } = world);
  admin = await setUpOrganisation(relay.url);
  facilitator = (await addPerson(admin, 'Fabien Facilitateur')).api;
  activity = (await facilitator.ok<{ id: string }>('POST', '/api/activities', { title: 'Lyon office', question: 'Where do we move the Lyon office?' })).id;
  otherActivity = (await facilitator.ok<{ id: string }>('POST', '/api/activities', { title: 'Budget 2027', question: 'How much do we spend in 2027?' })).id;
}, 120_000);

afterAll(async () => {
  // A relay restarted by a test is stopped too (the world stops the one it started).
  if (relay && relay !== world?.relay) await relay.stop();
  await world?.close();
});

describe('invitations', () => {
  it('a facilitator invites a colleague and an outside consultant to an activity; both join without anyone typing their password', async () => {
    const colleague = await facilitator.ok<{ id: string; guest: boolean }>('POST', '/api/invitations', { email: 'chloe@durand.example', activityId: activity });
    const consultant = await facilitator.ok<{ id: string; guest: boolean }>('POST', '/api/invitations', {
      email: 'conseil@outside.example',
      name: 'Olga Conseil',
      activityId: activity,
      activityRole: 'viewer',
    });
    expect([colleague.guest, consultant.guest]).toEqual([false, true]);
    const pending = await facilitator.ok<{ invitations: Invitation[] }>('GET', '/api/invitations');
    expect(pending.invitations.map((i) => [i.email, i.status, i.guest])).toEqual(
      expect.arrayContaining([
        ['chloe@durand.example', 'pending', false],
        ['conseil@outside.example', 'pending', true],
      ]),
    );

    const token = await tokenMailedTo('conseil@outside.example');
    const mail = smtp.received.find((m) => m.envelopeTo.includes('conseil@outside.example'))!;
    expect(mail.subject).toContain('Lyon office');
    expect(mail.html).toContain(`/#/invite/${token}`);
    const preview = await new Api(relay.url).ok<{ guest: boolean; activityTitle: string; email: string }>('GET', `/api/invitations/${token}/preview`);
    expect(preview).toMatchObject({ guest: true, activityTitle: 'Lyon office', email: 'conseil@outside.example' });

    const joined = await accept(token, { name: 'Olga Conseil', password, phone: '+33 6 12 34 56 99', smsOptIn: true });
    expect(joined.status).toBe(201);
    const guest = new Api(relay.url, joined.body.token!);
    expect(await guest.ok('GET', '/api/me')).toMatchObject({ name: 'Olga Conseil', guest: true, email: 'conseil@outside.example' });
    const signedIn = await new Api(relay.url).call('POST', '/api/session', { email: 'conseil@outside.example', password });
    expect(signedIn.status).toBe(201);

    // The consent is the person's own declaration.
    const me = await guest.ok<{ id: string }>('GET', '/api/me');
    const consent = await admin.ok<{ state: string; history: { how: string; byUserId: string }[] }>('GET', `/api/sms/consents/${me.id}`);
    expect(consent.history.at(-1)).toMatchObject({ how: 'declared by the person on accepting an invitation', byUserId: me.id });

    const colleagueToken = await tokenMailedTo('chloe@durand.example');
    expect((await accept(colleagueToken, { name: 'Chloé Martin', password })).status).toBe(201);
    const after = await facilitator.ok<{ invitations: Invitation[] }>('GET', '/api/invitations?status=all');
    expect(after.invitations.filter((i) => i.status === 'accepted')).toHaveLength(2);
    expect((await facilitator.ok<{ invitations: Invitation[] }>('GET', '/api/invitations')).invitations).toEqual([]);
  });

  it('a guest sees the activity they were invited to, and nothing of the organisation', async () => {
    const { body } = await new Api(relay.url).call<{ token: string }>('POST', '/api/session', { email: 'conseil@outside.example', password });
    const guest = new Api(relay.url, body.token);
    const list = await guest.ok<{ activities: { id: string }[] }>('GET', '/api/activities');
    expect(list.activities.map((a) => a.id)).toEqual([activity]);
    // An idea box open to the whole organisation is not open to guests.
    const box = await facilitator.ok<{ id: string }>('POST', '/api/activities', { title: 'Ideas', question: 'Which ideas do we try first?', kind: 'ideas', categories: ['All'] });
    expect((await guest.ok<{ activities: { id: string }[] }>('GET', '/api/activities')).activities.map((a) => a.id)).toEqual([activity]);
    expect((await guest.call('GET', `/api/activities/${box.id}`)).status).toBe(404);
    expect((await guest.call('GET', `/api/activities/${otherActivity}`)).status).toBe(404);
    expect((await guest.call('GET', '/api/users')).status).toBe(403);
    expect((await guest.call('GET', '/api/groups')).status).toBe(403);
    expect((await guest.call('POST', '/api/invitations', { email: 'x@outside.example', activityId: activity })).status).toBe(403);
    const members = await facilitator.ok<{ members: { name: string; guest: boolean }[] }>('GET', `/api/activities/${activity}/members`);
    expect(members.members.find((m) => m.name === 'Olga Conseil')?.guest).toBe(true);
    expect(members.members.find((m) => m.name === 'Chloé Martin')?.guest).toBe(false);
  });

  it('links are single use; revoked, replaced and expired links are refused; only administrators invite to the organisation', async () => {
    const used = await tokenMailedTo('conseil@outside.example');
    expect((await accept(used)).body.error?.code).toBe('link_used');
    expect((await facilitator.call('POST', '/api/invitations', { email: 'dan@durand.example' })).status).toBe(403);
    // A colleague with an account needs no link to another activity: she is added, and told in her bell (below).
    const mailsBefore = smtp.received.length;
    const invitationsBefore = (await admin.ok<{ invitations: Invitation[] }>('GET', '/api/invitations?status=all')).invitations.length;
    const added = await facilitator.call<{ added?: boolean; name?: string }>('POST', '/api/invitations', { email: 'chloe@durand.example', activityId: otherActivity, activityRole: 'viewer' });
    expect([added.status, added.body.added, added.body.name]).toEqual([200, true, 'Chloé Martin']);
    const members = await facilitator.ok<{ members: { name: string; role: string }[] }>('GET', `/api/activities/${otherActivity}/members`);
    expect(members.members.find((m) => m.name === 'Chloé Martin')?.role).toBe('viewer');
    expect((await admin.ok<{ invitations: Invitation[] }>('GET', '/api/invitations?status=all')).invitations).toHaveLength(invitationsBefore);
    expect(smtp.received.slice(mailsBefore).some((m) => m.text.includes('/#/invite/'))).toBe(false);

    const dan = await admin.ok<{ id: string }>('POST', '/api/invitations', { email: 'dan@durand.example', role: 'member' });
    const danToken = await tokenMailedTo('dan@durand.example');
    expect((await facilitator.call('DELETE', `/api/invitations/${dan.id}`)).status).toBe(404);
    await admin.ok('DELETE', `/api/invitations/${dan.id}`);
    const revoked = await accept(danToken);
    expect([revoked.status, revoked.body.error?.code]).toEqual([410, 'link_revoked']);

    const eve = await admin.ok<{ id: string }>('POST', '/api/invitations', { email: 'eve@durand.example' });
    const first = await tokenMailedTo('eve@durand.example');
    const resent = await admin.ok<Invitation>('POST', `/api/invitations/${eve.id}/resend`);
    expect(resent.sentCount).toBe(2);
    const second = await tokenMailedTo('eve@durand.example', 2);
    expect(second).not.toBe(first);
    expect((await accept(first)).status).toBe(404);

    await setClock(new Date(start.getTime() + 8 * 86_400_000));
    const expired = await accept(second);
    expect([expired.status, expired.body.error?.code]).toEqual([410, 'link_expired']);
    expect((await admin.ok<{ invitations: Invitation[] }>('GET', '/api/invitations?status=all')).invitations.find((i) => i.id === eve.id)?.status).toBe('expired');
    // A resent invitation lives again for seven days.
    await admin.ok('POST', `/api/invitations/${eve.id}/resend`);
    const third = await tokenMailedTo('eve@durand.example', 3);
    expect((await accept(third, { name: 'Eve', password })).status).toBe(201);
    // An accepted invitation is not sent again: no new link to someone who has joined.
    const accepted = await admin.call<{ error: { code: string } }>('POST', `/api/invitations/${eve.id}/resend`);
    expect([accepted.status, accepted.body.error.code]).toEqual([409, 'conflict']);
    expect((await admin.ok<{ invitations: Invitation[] }>('GET', '/api/invitations?status=all')).invitations.find((i) => i.id === eve.id)?.sentCount).toBe(3);
    expect((await accept('not-a-token-at-all-just-words')).status).toBe(404);
  });

  it('one address gets at most 3 invitation e-mails a day, whoever sends them: inviting it again, elsewhere or by resending, is refused 429 and changes nothing', async () => {
    const day = new Date(start.getTime() + 20 * 86_400_000);
    await setClock(day);
    const victim = 'someone.else@elsewhere.example';
    const first = await facilitator.ok<{ id: string }>('POST', '/api/invitations', { email: victim, activityId: activity });
    await facilitator.ok('POST', `/api/invitations/${first.id}/resend`);
    await facilitator.ok('POST', '/api/invitations', { email: victim, activityId: otherActivity });
    await smtp.nthTo(victim, 3);

    const again = await facilitator.call<{ error?: { code: string } }>('POST', '/api/invitations', { email: victim, activityId: activity });
    expect([again.status, again.body.error?.code]).toEqual([429, 'rate_limited']);
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await facilitator.call('POST', `/api/invitations/${first.id}/resend`)).status).toBe(429);
    // Another inviter is no way round it.
    expect((await admin.call('POST', '/api/invitations', { email: victim })).status).toBe(429);
    const listed = (await admin.ok<{ invitations: Invitation[] }>('GET', '/api/invitations?status=all')).invitations.filter((i) => i.email === victim);
    expect(listed.map((i) => i.sentCount).sort()).toEqual([1, 2]);

    // The next day, the address may be invited again.
    await setClock(new Date(day.getTime() + 86_400_000 + 60_000));
    expect((await facilitator.call('POST', `/api/invitations/${first.id}/resend`)).status).toBe(200);
  });

  it('the count of an address’s invitation e-mails is kept in the store: a restart (or another node) does not start it again', async () => {
    const day = new Date(start.getTime() + 25 * 86_400_000);
    await setClock(day);
    const victim = 'kept.count@elsewhere.example';
    const first = await facilitator.ok<{ id: string }>('POST', '/api/invitations', { email: victim, activityId: activity });
    await facilitator.ok('POST', `/api/invitations/${first.id}/resend`);
    await admin.ok('POST', '/api/invitations', { email: victim });
    await smtp.nthTo(victim, 3);
    await relay.stop();
    relay = await relay.restart();
    const again = await facilitator.call<{ error?: { code: string } }>('POST', '/api/invitations', { email: victim, activityId: otherActivity });
    expect([again.status, again.body.error?.code]).toEqual([429, 'rate_limited']);
    expect((await facilitator.call('POST', `/api/invitations/${first.id}/resend`)).status).toBe(429);
  });
});
