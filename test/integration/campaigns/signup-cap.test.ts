import { describe, expect, it } from 'vitest';
import { addPerson, password, type Api } from '../../support/api.ts';
import { callFrom } from '../../support/from-address.ts';
import { withMailOrganisation, type MailRelay } from '../../support/mail-relay.ts';
import { queryStore } from '../../support/store-reader.ts';
import { publishedBox } from './support.ts';

/**
 * A botnet spread over many network addresses, each under the per-address limit, must not
 * fill the store with pending sign-ups nor the mail queue (issue 18, "Against abuse"):
 * pending sign-ups are bounded per box and on the whole relay, and so are the e-mails
 * telling an address that it already has an account. Past either bound a sign-up is
 * refused 429 and nothing is stored or sent. The bounds are small here through the
 * environment (CONCLAVE_PENDING_SIGNUPS_PER_BOX, CONCLAVE_PENDING_SIGNUPS).
 */
let world: MailRelay;
let admin: Api;
withMailOrganisation(
  new Date('2026-12-06T09:00:00Z'),
  (w, a) => {
    world = w;
    admin = a;
  },
  { CONCLAVE_PENDING_SIGNUPS_PER_BOX: '6', CONCLAVE_PENDING_SIGNUPS: '10' },
);

let next = 10;
/** A sign-up from an address no one used yet (127.0.0.10, .11…). */
const signUpFromNewAddress = (slug: string, email: string) =>
  callFrom(`127.0.0.${next++}`, world.relay.url, 'POST', `/api/public/idea-boxes/${slug}/sign-up`, { name: 'Robot', email, password });
const count = async (sql: string) => (await queryStore<{ n: number }>(world.relay.dataDir, sql))[0]?.n ?? 0;
const pending = () => count('SELECT COUNT(*) AS n FROM public_signups WHERE used_at IS NULL');
const mails = () => count("SELECT COUNT(*) AS n FROM mail_messages WHERE kind LIKE 'campaign-%'");

describe('pending sign-ups across many addresses', () => {
  it('are bounded per box, then on the relay: 429 past either, nothing stored, no e-mail', async () => {
    await publishedBox(admin, 'cap-a');
    await publishedBox(admin, 'cap-b', 'Si j’étais Maison Durand (bis)');
    for (let i = 0; i < 6; i++) expect((await signUpFromNewAddress('cap-a', `bot-a${i}@spam.example`)).status).toBe(202);
    const refused = await signUpFromNewAddress('cap-a', 'bot-a6@spam.example');
    expect([refused.status, refused.body.error?.code]).toEqual([429, 'rate_limited']);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect([await pending(), await mails()]).toEqual([6, 6]);

    for (let i = 0; i < 4; i++) expect((await signUpFromNewAddress('cap-b', `bot-b${i}@spam.example`)).status).toBe(202);
    expect((await signUpFromNewAddress('cap-b', 'bot-b4@spam.example')).status).toBe(429);
    expect([await pending(), await mails()]).toEqual([10, 10]);
    expect(await count("SELECT COUNT(*) AS n FROM public_signups WHERE email IN ('bot-a6@spam.example', 'bot-b4@spam.example')")).toBe(0);
  });

  it('e-mails to addresses that have an account count too; once the links expire, sign-ups are taken again', async () => {
    // Two days later the pending links above have expired: they no longer count.
    await world.setClock(new Date('2026-12-08T09:01:00Z'));
    await publishedBox(admin, 'cap-c', 'Si j’étais Maison Durand (ter)');
    for (const name of ['Bruno Brun', 'Carole Cadre', 'Denis Dupont']) await addPerson(admin, name);
    const addresses = (await queryStore<{ email: string }>(world.relay.dataDir, "SELECT email FROM users WHERE email LIKE '%@durand.example' AND email <> 'alice@durand.example' ORDER BY email")).map((r) => r.email);
    expect(addresses).toHaveLength(3);
    const before = await mails();
    for (let i = 0; i < 6; i++) expect((await signUpFromNewAddress('cap-c', addresses[i % 3]!)).status).toBe(202);
    expect(await mails()).toBe(before + 6);
    expect((await signUpFromNewAddress('cap-c', addresses[0]!)).status).toBe(429);
    expect(await mails()).toBe(before + 6);
    // Another box still takes a stranger's sign-up: the relay's bound counts what is pending, not what expired.
    expect((await signUpFromNewAddress('cap-a', 'late@client.example')).status).toBe(202);
  });
});
