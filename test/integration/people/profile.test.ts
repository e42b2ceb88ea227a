import { describe, expect, it } from 'vitest';
import type { ConsentEntry, SmsMessage } from '#core/api/sms';
import type { SessionInfo } from '#core/api/people';
import type { Me } from '#core/api/users';
import { Api, addPerson, password } from '../../support/api.ts';
import { withMailOrganisation, type MailRelay } from '../../support/mail-relay.ts';

/**
 * A person's profile over a real relay, its SMTP server on loopback and the SMS outbox:
 * name and language, e-mail confirmed by a link to the new address, phone confirmed by
 * a code sent by SMS with the consent the person gives, sessions listed and ended.
 */
let world: MailRelay;
let admin: Api;
const start = new Date('2026-12-01T09:00:00Z');
const anon = () => new Api(world.relay.url);
type Failure = { error?: { code: string } };

withMailOrganisation(start, (w, a) => {
  world = w;
  admin = a;
});

describe('profile', () => {
  it('a person changes their name and language; bad input changes nothing', async () => {
    const bob = await addPerson(admin, 'Bob Martin');
    const me = await bob.api.ok<Me>('PATCH', '/api/me', { name: 'Robert Martin', language: 'en' });
    expect([me.name, me.language]).toEqual(['Robert Martin', 'en']);
    for (const bad of [{}, { name: '' }, { name: 'x'.repeat(121) }, { language: 'de' }, { name: 'Bob', role: 'admin' }]) {
      expect((await bob.api.call('PATCH', '/api/me', bad)).status).toBe(400);
    }
    const after = await bob.api.ok<Me>('GET', '/api/me');
    expect([after.name, after.language, after.role]).toEqual(['Robert Martin', 'en', 'member']);
    expect((await bob.api.ok<Me>('PATCH', '/api/me', { language: null })).language).toBeNull();
    expect((await anon().call('PATCH', '/api/me', { name: 'Nobody' })).status).toBe(401);
  });

  it('a new e-mail address counts once its owner opens the link sent to it; the old address is told', async () => {
    const carol = await addPerson(admin, 'Carol Roux');
    const wrong = await carol.api.call<Failure>('POST', '/api/me/email', { email: 'carol@new.example', password: 'not my password' });
    expect(wrong.body.error?.code).toBe('invalid_credentials');
    expect((await carol.api.call('POST', '/api/me/email', { email: 'carol@new.example', password })).status).toBe(202);
    const token = await world.smtp.tokenTo('carol@new.example', '/#/confirm-email/');
    // Nothing changed yet.
    expect((await carol.api.ok<Me>('GET', '/api/me')).email).toBe('carol.roux@durand.example');
    expect((await anon().call('POST', '/api/session', { email: 'carol.roux@durand.example', password })).status).toBe(201);
    expect(await anon().ok('POST', `/api/email-changes/${token}`)).toEqual({ email: 'carol@new.example' });
    expect((await carol.api.ok<Me>('GET', '/api/me')).email).toBe('carol@new.example');
    expect((await anon().call('POST', '/api/session', { email: 'carol@new.example', password })).status).toBe(201);
    expect((await anon().call<Failure>('POST', '/api/session', { email: 'carol.roux@durand.example', password })).body.error?.code).toBe('invalid_credentials');
    // The old address is told where the account went.
    expect((await world.smtp.nthTo('carol.roux@durand.example')).text).toContain('carol@new.example');
    expect((await anon().call<Failure>('POST', `/api/email-changes/${token}`)).body.error?.code).toBe('link_used');
    // An address someone else has is refused when the link is opened.
    await carol.api.ok('POST', '/api/me/email', { email: 'alice@durand.example', password });
    const taken = await world.smtp.tokenTo('alice@durand.example', '/#/confirm-email/');
    expect((await anon().call('POST', `/api/email-changes/${taken}`)).status).toBe(409);
    expect((await carol.api.ok<Me>('GET', '/api/me')).email).toBe('carol@new.example');
  });

  it('a phone number is the person’s once they type the code sent to it; their SMS consent is recorded as theirs', async () => {
    const dan = await addPerson(admin, 'Dan Petit');
    const me = await dan.api.ok<Me>('GET', '/api/me');
    expect((await dan.api.call('POST', '/api/me/phone', { phone: 'not a number' })).status).toBe(400);
    expect((await dan.api.call('POST', '/api/me/phone', { phone: '06 12 34 56 78', smsOptIn: true })).status).toBe(202);
    const sent = await admin.ok<{ messages: SmsMessage[] }>('GET', '/api/sms/messages?kind=profile.phone-code');
    const text = sent.messages.find((m) => m.to === '+33612345678')?.text ?? '';
    const code = /(\d{6})/.exec(text)?.[1] ?? '';
    expect(code).toMatch(/^\d{6}$/);
    const other = code === '000000' ? '111111' : '000000';
    const wrong = await dan.api.call<Failure>('POST', '/api/me/phone/confirm', { code: other });
    expect([wrong.status, wrong.body.error?.code]).toEqual([400, 'validation_failed']);
    expect((await dan.api.ok<Me>('GET', '/api/me')).phone).toBeNull();
    expect((await dan.api.ok<Me>('POST', '/api/me/phone/confirm', { code })).phone).toBe('+33612345678');
    const consent = await dan.api.ok<ConsentEntry>('GET', `/api/sms/consents/${me.id}`);
    expect(consent.state).toBe('in');
    expect(consent.history.at(-1)).toMatchObject({ action: 'opt_in', byUserId: me.id });
    expect((await dan.api.call('POST', '/api/me/phone/confirm', { code })).status).toBe(404);
    expect((await dan.api.ok<Me>('POST', '/api/me/phone', { phone: null })).phone).toBeNull();
  });

  it('a code is tried five times at most, and at most three are sent an hour', async () => {
    const eve = await addPerson(admin, 'Eve Blanc');
    await eve.api.ok('POST', '/api/me/phone', { phone: '06 98 76 54 32' });
    for (let i = 0; i < 5; i++) expect((await eve.api.call('POST', '/api/me/phone/confirm', { code: '999999' })).status).not.toBe(200);
    const sent = await admin.ok<{ messages: SmsMessage[] }>('GET', '/api/sms/messages?kind=profile.phone-code');
    const code = /(\d{6})/.exec(sent.messages.find((m) => m.to === '+33698765432')?.text ?? '')?.[1] ?? '';
    expect((await eve.api.call<Failure>('POST', '/api/me/phone/confirm', { code })).body.error?.code).toBe('link_expired');
    await eve.api.ok('POST', '/api/me/phone', { phone: '06 98 76 54 32' });
    await eve.api.ok('POST', '/api/me/phone', { phone: '06 98 76 54 32' });
    expect((await eve.api.call('POST', '/api/me/phone', { phone: '06 98 76 54 32' })).status).toBe(429);
  });

  it('one number gets at most three codes an hour, whoever asks: members cannot take turns texting a stranger', async () => {
    const victim = '06 11 22 33 44';
    const askers = [await addPerson(admin, 'Gus Vert'), await addPerson(admin, 'Hana Gris')];
    await askers[0]!.api.ok('POST', '/api/me/phone', { phone: victim });
    await askers[0]!.api.ok('POST', '/api/me/phone', { phone: victim });
    await askers[1]!.api.ok('POST', '/api/me/phone', { phone: victim });
    const fourth = await askers[1]!.api.call<Failure>('POST', '/api/me/phone', { phone: victim });
    expect([fourth.status, fourth.body.error?.code]).toEqual([429, 'rate_limited']);
    expect(Number(fourth.headers.get('retry-after'))).toBeGreaterThan(0);
    const sent = await admin.ok<{ messages: SmsMessage[] }>('GET', '/api/sms/messages?kind=profile.phone-code');
    expect(sent.messages.filter((m) => m.to === '+33611223344')).toHaveLength(3);
    // Hana may still ask a code for another number.
    await askers[1]!.api.ok('POST', '/api/me/phone', { phone: '06 55 66 77 88' });
  });
});

describe('sessions', () => {
  it('a person sees their sessions and ends one, or all the others', async () => {
    const fay = await addPerson(admin, 'Fay Noir');
    const signIn = async () => fay.api.as((await anon().ok<{ token: string }>('POST', '/api/session', { email: 'fay.noir@durand.example', password })).token);
    const phone = await signIn();
    const tablet = await signIn();
    const list = (await fay.api.ok<{ sessions: SessionInfo[] }>('GET', '/api/me/sessions')).sessions;
    expect(list).toHaveLength(3);
    expect(list.filter((s) => s.current)).toHaveLength(1);
    expect(list[0]?.device).toBeTruthy();
    const phoneId = (await phone.ok<{ sessions: SessionInfo[] }>('GET', '/api/me/sessions')).sessions.find((s) => s.current)!.id;
    // Nobody else can end it.
    expect((await admin.call('DELETE', `/api/me/sessions/${phoneId}`)).status).toBe(404);
    await fay.api.ok('DELETE', `/api/me/sessions/${phoneId}`);
    expect((await phone.call('GET', '/api/me')).status).toBe(401);
    expect((await tablet.call('GET', '/api/me')).status).toBe(200);
    expect(await fay.api.ok('POST', '/api/me/sessions/revoke-others')).toEqual({ revoked: 1 });
    expect((await tablet.call('GET', '/api/me')).status).toBe(401);
    const left = (await fay.api.ok<{ sessions: SessionInfo[] }>('GET', '/api/me/sessions')).sessions;
    expect(left.map((s) => s.current)).toEqual([true]);
  });
});
