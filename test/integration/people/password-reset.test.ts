import { describe, expect, it } from 'vitest';
import { passwordResetLimits } from '#core/api/people';
import { Api, addPerson, password } from '../../support/api.ts';
import { withMailOrganisation, type MailRelay } from '../../support/mail-relay.ts';

/**
 * A forgotten password over a real relay and an SMTP server on loopback: the same answer
 * whether the address has an account, a single-use expiring link, every session ended,
 * requests bounded per address and per e-mail.
 */
let world: MailRelay;
let admin: Api;
const start = new Date('2026-12-01T09:00:00Z');
let hour = 0;
/** Moves two hours on, so the hourly request allowances start afresh. */
const nextHour = () => world.setClock(new Date(start.getTime() + (hour += 2) * 3_600_000));
const anon = () => new Api(world.relay.url);
type Answer = { token?: string; email?: string; error?: { code: string } };
const ask = (email: string) => anon().call<Answer>('POST', '/api/password-resets', { email });
const resetWith = (token: string, body: object) => anon().call<Answer>('POST', `/api/password-resets/${token}`, body);
const signIn = (email: string, pw: string) => anon().call<Answer>('POST', '/api/session', { email, password: pw });
const link = (address: string, nth = 1) => world.smtp.tokenTo(address, '/#/reset-password/', nth);

withMailOrganisation(start, (w, a) => {
  world = w;
  admin = a;
});

describe('forgotten password', () => {
  it('answers 202 whether or not the address has an account, and mails a link only to a person', async () => {
    await nextHour();
    await addPerson(admin, 'Bob Martin');
    const unknown = await ask('nobody@durand.example');
    const known = await ask('bob.martin@durand.example');
    expect([unknown.status, unknown.body]).toEqual([202, {}]);
    expect([known.status, known.body]).toEqual([202, {}]);
    const token = await link('bob.martin@durand.example');
    const mail = world.smtp.to('bob.martin@durand.example')[0]!;
    expect(mail.subject).toMatch(/mot de passe|password/i);
    expect(mail.html).toContain(`/#/reset-password/${token}`);
    expect(world.smtp.to('nobody@durand.example')).toEqual([]);
    // Malformed requests are refused and send nothing.
    expect((await anon().call('POST', '/api/password-resets', { email: 'bob.martin@durand.example', extra: 1 })).status).toBe(400);
    expect((await anon().call('POST', '/api/password-resets', { email: 'not an address' })).status).toBe(400);
    expect((await anon().ok<{ email: string }>('GET', `/api/password-resets/${token}`)).email).toBe('bob.martin@durand.example');
  });

  it('the link sets a new password once, ends every session and spends the other links', async () => {
    await nextHour();
    const carol = await addPerson(admin, 'Carol Roux');
    const laptop = (await signIn('carol.roux@durand.example', password)).body.token!;
    await ask('carol.roux@durand.example');
    await ask('carol.roux@durand.example');
    const first = await link('carol.roux@durand.example', 1);
    const second = await link('carol.roux@durand.example', 2);
    // A password too short is refused and the link still works.
    expect((await resetWith(first, { password: 'short' })).status).toBe(400);
    const done = await resetWith(first, { password: 'a brand new passphrase' });
    expect(done.status).toBe(201);
    expect((await new Api(world.relay.url, done.body.token).call('GET', '/api/me')).status).toBe(200);
    for (const old of [carol.api, new Api(world.relay.url, laptop)]) expect((await old.call('GET', '/api/me')).status).toBe(401);
    expect((await signIn('carol.roux@durand.example', password)).body.error?.code).toBe('invalid_credentials');
    expect((await signIn('carol.roux@durand.example', 'a brand new passphrase')).status).toBe(201);
    const again = await resetWith(first, { password: 'yet another passphrase' });
    expect([again.status, again.body.error?.code]).toEqual([410, 'link_used']);
    expect((await resetWith(second, { password: 'yet another passphrase' })).body.error?.code).toBe('link_used');
    expect((await resetWith('not-a-real-token-but-long-enough', { password: 'yet another passphrase' })).status).toBe(404);
    expect((await signIn('carol.roux@durand.example', 'a brand new passphrase')).status).toBe(201);
  });

  it('a link expires after an hour; a disabled person gets no link', async () => {
    await nextHour();
    const dan = await addPerson(admin, 'Dan Petit');
    await ask('dan.petit@durand.example');
    const token = await link('dan.petit@durand.example');
    await world.setClock(new Date(start.getTime() + hour * 3_600_000 + 62 * 60_000));
    const late = await resetWith(token, { password: 'a brand new passphrase' });
    expect([late.status, late.body.error?.code]).toEqual([410, 'link_expired']);
    expect((await signIn('dan.petit@durand.example', password)).status).toBe(201);

    await admin.ok('PATCH', `/api/users/${dan.id}`, { disabled: true });
    await nextHour();
    expect((await ask('dan.petit@durand.example')).status).toBe(202);
    await ask('bob.martin@durand.example'); // a marker: mail is sent in order
    await link('bob.martin@durand.example', 2);
    expect(world.smtp.to('dan.petit@durand.example')).toHaveLength(1);
  });

  it('requests are bounded per e-mail and per network address, the same for addresses without an account', async () => {
    await nextHour();
    await addPerson(admin, 'Eve Blanc');
    const statuses = async (email: string) => {
      const out: number[] = [];
      for (let i = 0; i <= passwordResetLimits.perEmail; i++) out.push((await ask(email)).status);
      return out;
    };
    const expected = [...Array(passwordResetLimits.perEmail).fill(202), 429];
    expect(await statuses('eve.blanc@durand.example')).toEqual(expected);
    expect(await statuses('ghost@durand.example')).toEqual(expected);
    const refused = await ask('eve.blanc@durand.example');
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(world.smtp.to('eve.blanc@durand.example').length).toBeLessThanOrEqual(passwordResetLimits.perEmail);
    // This address has asked 2 × perEmail times; the rest of its allowance goes, then it is refused for any e-mail.
    const left = passwordResetLimits.perAddress - 2 * passwordResetLimits.perEmail;
    for (let i = 0; i < left; i++) expect((await ask(`other${i}@durand.example`)).status).toBe(202);
    expect((await ask('someone.new@durand.example')).status).toBe(429);
    await nextHour();
    expect((await ask('eve.blanc@durand.example')).status).toBe(202);
  });
});
