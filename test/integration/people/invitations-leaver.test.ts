import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, addPerson, password, setUpOrganisation } from '../../support/api.ts';
import { startMailRelay, type MailRelay } from '../../support/mail-relay.ts';
import type { RelayProcess } from '../../support/relay.ts';
import type { TestSmtp } from '../../support/smtp.ts';

/**
 * An invitation speaks for its inviter: it admits someone only while the inviter could
 * still send it. A leaver who invited a private address of theirs before being disabled,
 * an administrator demoted after inviting an administrator, a facilitator taken off the
 * activity: the link is refused (`link_revoked`) and no account is made, so nobody keeps a
 * way in through an invitation once cut off (issue 12, "a leaver is disabled and cut off").
 */
let world: MailRelay;
let relay: RelayProcess;
let smtp: TestSmtp;
let admin: Api;

const accept = (token: string) =>
  new Api(relay.url).call<{ token?: string; error?: { code: string } }>('POST', `/api/invitations/${token}/accept`, { name: 'Mallory Again', password });
const preview = (token: string) => new Api(relay.url).call<{ error?: { code: string } }>('GET', `/api/invitations/${token}/preview`);
const signIn = (email: string) => new Api(relay.url).call('POST', '/api/session', { email, password });

beforeAll(async () => {
  world = await startMailRelay(new Date('2026-12-01T09:00:00Z'));
  ({ relay, smtp } = world);
  admin = await setUpOrganisation(relay.url);
}, 120_000);

afterAll(async () => {
  await world?.close();
});

describe('an invitation admits only while its inviter could still send it', () => {
  it('a disabled facilitator’s guest invitation to a private address is refused, and no account is made', async () => {
    const mallory = await addPerson(admin, 'Mallory Leaving');
    const activity = (await mallory.api.ok<{ id: string }>('POST', '/api/activities', { title: 'Strategy 2027', question: 'Where do we go?' })).id;
    await mallory.api.ok('POST', '/api/invitations', { email: 'mallory@private.example', activityId: activity, activityRole: 'facilitator' });
    const token = await smtp.tokenTo('mallory@private.example', '/#/invite/');

    await admin.ok('PATCH', `/api/users/${mallory.id}`, { disabled: true });
    expect((await preview(token)).body.error?.code).toBe('link_revoked');
    const joined = await accept(token);
    expect([joined.status, joined.body.error?.code]).toEqual([410, 'link_revoked']);
    expect((await signIn('mallory@private.example')).status).toBe(401);
  });

  it('an administrator demoted after inviting an administrator: the link is refused', async () => {
    const eve = await addPerson(admin, 'Eve Admin', 'admin');
    await eve.api.ok('POST', '/api/invitations', { email: 'eve.second@durand.example', role: 'admin' });
    const token = await smtp.tokenTo('eve.second@durand.example', '/#/invite/');

    await admin.ok('PATCH', `/api/users/${eve.id}`, { role: 'member' });
    const joined = await accept(token);
    expect([joined.status, joined.body.error?.code]).toEqual([410, 'link_revoked']);
    expect((await signIn('eve.second@durand.example')).status).toBe(401);
  });

  it('a facilitator taken off the activity: their invitation to it is refused; an administrator’s still admits, and theirs once an administrator resends it', async () => {
    const fabien = await addPerson(admin, 'Fabien Facilitateur');
    const activity = (await admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Lyon office', question: 'Where do we move?' })).id;
    await admin.ok('POST', `/api/activities/${activity}/members`, { userId: fabien.id, role: 'facilitator' });
    const invited = await fabien.api.ok<{ id: string }>('POST', '/api/invitations', { email: 'friend@outside.example', activityId: activity });
    await admin.ok('POST', '/api/invitations', { email: 'welcome@outside.example', activityId: activity });
    const fabiens = await smtp.tokenTo('friend@outside.example', '/#/invite/');
    const admins = await smtp.tokenTo('welcome@outside.example', '/#/invite/');

    await admin.ok('DELETE', `/api/activities/${activity}/members/users/${fabien.id}`);
    const refused = await accept(fabiens);
    expect([refused.status, refused.body.error?.code]).toEqual([410, 'link_revoked']);
    // Below the line: the check refuses only what it should.
    expect((await accept(admins)).status).toBe(201);
    // An administrator who resends it vouches for it from then on.
    await admin.ok('POST', `/api/invitations/${invited.id}/resend`);
    expect((await accept(await smtp.tokenTo('friend@outside.example', '/#/invite/', 2))).status).toBe(201);
  });
});
