import { describe, expect, it } from 'vitest';
import { Api, password, type Api as ApiType } from '../../support/api.ts';
import { withMailOrganisation, type MailRelay } from '../../support/mail-relay.ts';
import { waitUntil } from '../../support/sms.ts';
import { queryStore } from '../../support/store-reader.ts';
import { proposeIdea, publishedBox, signUpParticipant, type PublicBoxView } from './support.ts';

/**
 * A public participant's own profile (issue 18: "they see the public campaigns they joined
 * and their own profile") on a real relay, e-mails read from an SMTP server on loopback:
 * one consent to be named publicly (beside their ideas on the public page and in the hall
 * of fame), their display name, their e-mail choices, their data exported, their account
 * erased by themselves.
 */
let world: MailRelay;
let admin: ApiType;
withMailOrganisation(new Date('2026-12-06T09:00:00Z'), (w, a) => {
  world = w;
  admin = a;
});

const anon = () => new Api(world.relay.url);
const slug = 'mon-profil';
const publicIdeas = async () => (await anon().ok<PublicBoxView>('GET', `/api/public/idea-boxes/${slug}?sort=newest`)).ideas;
const authorOf = async (title: string) => (await publicIdeas()).find((i) => i.title === title)?.author;
type Fame = { hallOfFame: { title: string; author: string | null }[] };
const fameOf = async (boxId: string, title: string) => (await admin.ok<Fame>('GET', `/api/activities/${boxId}/recognition`)).hallOfFame.find((h) => h.title === title)?.author;
type Me = { name: string; namedPublicly: boolean };

describe('a participant\'s own profile', () => {
  let boxId: string;
  let chloe: ApiType;
  let ideaId: string;

  it('P1 one consent names them both on the public page and in the hall of fame, or nowhere; a member is never named on the public page', async () => {
    boxId = await publishedBox(admin, slug);
    chloe = await signUpParticipant(world, slug, 'Chloé Cliente', 'chloe@client.example');
    expect(await chloe.ok<Me>('GET', '/api/me')).toMatchObject({ name: 'Chloé Cliente', namedPublicly: false });
    const idea = await proposeIdea(chloe, boxId, { title: 'Un coin goûter', text: 'Des fruits à la caisse.', category: 'Enfants' });
    ideaId = idea.body.id ?? '';
    await admin.ok('POST', `/api/ideas/${ideaId}/status`, { status: 'accepted' });
    await admin.ok('POST', `/api/ideas/${ideaId}/status`, { status: 'implemented' });
    expect([await authorOf('Un coin goûter'), await fameOf(boxId, 'Un coin goûter')]).toEqual([null, null]);

    expect(await chloe.ok<Me>('PATCH', '/api/me', { namedPublicly: true })).toMatchObject({ namedPublicly: true });
    expect([await authorOf('Un coin goûter'), await fameOf(boxId, 'Un coin goûter')]).toEqual(['Chloé Cliente', 'Chloé Cliente']);
    expect(await chloe.ok<Me>('PATCH', '/api/me', { name: 'Chloé C.' })).toMatchObject({ name: 'Chloé C.', namedPublicly: true });
    expect([await authorOf('Un coin goûter'), await fameOf(boxId, 'Un coin goûter')]).toEqual(['Chloé C.', 'Chloé C.']);
    // The app's hall-of-fame switch is the same one consent.
    expect(await chloe.ok('PUT', '/api/me/idea-credit', { credit: false })).toEqual({ credit: false });
    expect(await chloe.ok<Me>('GET', '/api/me')).toMatchObject({ namedPublicly: false });
    expect([await authorOf('Un coin goûter'), await fameOf(boxId, 'Un coin goûter')]).toEqual([null, null]);
    const refused = await chloe.call('PATCH', '/api/me', { namedPublicly: 'yes' });
    expect(refused.status).toBe(400);
    expect(await chloe.ok<Me>('GET', '/api/me')).toMatchObject({ namedPublicly: false });

    await admin.ok('PATCH', '/api/me', { namedPublicly: true });
    const own = await proposeIdea(admin, boxId, { title: 'Une idée de l’équipe', text: 'Par un membre.', category: 'Courses' });
    expect(own.status).toBe(201);
    expect(await authorOf('Une idée de l’équipe')).toBeNull();
    await admin.ok('POST', `/api/ideas/${own.body.id}/status`, { status: 'accepted' });
    await admin.ok('POST', `/api/ideas/${own.body.id}/status`, { status: 'implemented' });
    expect(await fameOf(boxId, 'Une idée de l’équipe')).toBe('Alice Durand');
  });

  it('P2 their e-mail choices hold: an answer they turned off by e-mail is not e-mailed, one they want is', async () => {
    const mails = () => queryStore<{ n: number }>(world.relay.dataDir, "SELECT COUNT(*) AS n FROM mail_messages WHERE to_address = 'chloe@client.example' AND kind = 'notification.idea_answer'");
    const before = (await mails())[0]!.n;
    const settings = await chloe.ok<{ prefs: { kind: string; email: boolean; sms: boolean }[]; digest: string }>('GET', '/api/me/notifications');
    const off = { ...settings, prefs: settings.prefs.map((p) => (p.kind === 'idea_answer' ? { ...p, email: false } : p)) };
    await chloe.ok('PUT', '/api/me/notifications', off);
    const quiet = await proposeIdea(chloe, boxId, { title: 'Un parking vélo', text: 'Devant le magasin.', category: 'Environnement' });
    await admin.ok('POST', `/api/ideas/${quiet.body.id}/status`, { status: 'declined', reason: 'Pas de place devant ce magasin.' });
    expect((await mails())[0]!.n).toBe(before);
    await chloe.ok('PUT', '/api/me/notifications', settings);
    const heard = await proposeIdea(chloe, boxId, { title: 'Des sacs en tissu', text: 'À la caisse.', category: 'Environnement' });
    await admin.ok('POST', `/api/ideas/${heard.body.id}/status`, { status: 'declined', reason: 'Déjà en rayon depuis mars.' });
    await waitUntil(async () => world.smtp.to('chloe@client.example').some((m) => m.text.includes('Déjà en rayon depuis mars.')), 'the answer e-mailed');
    expect(world.smtp.to('chloe@client.example').some((m) => m.text.includes('Pas de place devant ce magasin.'))).toBe(false);
    expect((await mails())[0]!.n).toBe(before + 1);
  });

  it('P3 they export their data: their account, their ideas, the campaigns they joined', async () => {
    const res = await fetch(`${world.relay.url}/api/me/export`, { headers: { authorization: `Bearer ${chloe.token}` } });
    expect([res.status, res.headers.get('content-disposition')]).toEqual([200, expect.stringMatching(/^attachment/)]);
    const data = (await res.json()) as { person: { name: string; email: string; namedPublicly: boolean }; ideas: { title: string }[]; campaigns: { slug: string }[] };
    expect(data.person).toMatchObject({ name: 'Chloé C.', email: 'chloe@client.example', namedPublicly: false });
    expect(data.ideas.map((i) => i.title).sort()).toEqual(['Des sacs en tissu', 'Un coin goûter', 'Un parking vélo']);
    expect(data.campaigns).toEqual([{ slug, title: 'Si j’étais Maison Durand…' }]);
  });

  it('P5 they change their e-mail address: the link goes to the new address and back to the campaign page, and signs in from then on', async () => {
    const dora = await signUpParticipant(world, slug, 'Dora Durand', 'dora@client.example');
    const wrong = await dora.call('POST', '/api/me/email', { email: 'dora.new@client.example', password: 'not my password at all' });
    expect(wrong.status).toBe(401);
    expect((await dora.call('POST', '/api/me/email', { email: 'dora.new@client.example', password })).status).toBe(202);
    const token = await world.smtp.tokenTo('dora.new@client.example', `/ideas/${slug}#/confirm-email/`);
    expect(await anon().ok('POST', `/api/email-changes/${token}`)).toEqual({ email: 'dora.new@client.example' });
    expect((await anon().call('POST', '/api/session', { email: 'dora.new@client.example', password })).status).toBe(201);
    expect((await anon().call('POST', '/api/session', { email: 'dora@client.example', password })).status).toBe(401);
  });

  it('P4 they erase their own account with their password: cut off at once, their name gone from the public page; a wrong password or a member changes nothing', async () => {
    await chloe.ok('PATCH', '/api/me', { namedPublicly: true });
    const person = () => queryStore<{ name: string; email: string; erased_at: string | null }>(world.relay.dataDir, 'SELECT name, email, erased_at FROM users WHERE email LIKE ? OR name = ?', ['chloe@%', 'Chloé C.']);
    const before = await person();
    const wrong = await chloe.call<{ error: { code: string } }>('POST', '/api/me/erasure', { password: 'not my password at all' });
    expect([wrong.status, wrong.body.error.code]).toEqual([401, 'invalid_credentials']);
    expect(await person()).toEqual(before);
    const member = await admin.call<{ error: { code: string } }>('POST', '/api/me/erasure', { password });
    expect(member.status).toBe(403);
    expect((await admin.call('GET', '/api/me')).status).toBe(200);

    expect(await chloe.ok('POST', '/api/me/erasure', { password })).toEqual({ erased: true });
    expect((await chloe.call('GET', '/api/me')).status).toBe(401);
    expect((await anon().call('POST', '/api/session', { email: 'chloe@client.example', password })).status).toBe(401);
    expect(await person()).toEqual([]);
    expect([await authorOf('Un coin goûter'), await fameOf(boxId, 'Un coin goûter')]).toEqual([null, null]);
    expect((await publicIdeas()).map((i) => i.title)).toContain('Un coin goûter');
    expect(JSON.stringify(await publicIdeas())).not.toContain('Chloé');
  });

  it('P6 participants from one network address are sent at most ten codes by SMS an hour between them; members are not counted by address', async () => {
    // Later that day: the sign-ups and codes above no longer count.
    await world.setClock(new Date('2026-12-06T14:00:00Z'));
    const people = [];
    for (const n of [1, 2, 3, 4]) people.push(await signUpParticipant(world, slug, `Client ${n}`, `client${n}@client.example`));
    const codes = () => queryStore<{ to_phone: string }>(world.relay.dataDir, "SELECT to_phone FROM sms_messages WHERE kind = 'profile.phone-code' AND to_phone LIKE '+336200000%' ORDER BY to_phone");
    const waiting = () => queryStore(world.relay.dataDir, "SELECT user_id, phone FROM phone_changes WHERE phone LIKE '+336200000%' ORDER BY user_id");
    const statuses: number[] = [];
    let refused: { status: number; headers: Headers } | null = null;
    for (const [i, who] of people.entries()) {
      for (const k of [0, 1, 2]) {
        const answer = await who.call('POST', '/api/me/phone', { phone: `06 20 00 00 ${i}${k}` });
        statuses.push(answer.status);
        if (answer.status === 429) refused ??= answer;
      }
    }
    expect(statuses).toEqual([...Array<number>(10).fill(202), 429, 429]);
    expect(Number(refused?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await codes()).length).toBe(10);
    const before = await waiting();
    expect((await people[3]!.call('POST', '/api/me/phone', { phone: '06 20 00 00 99' })).status).toBe(429);
    expect(await waiting()).toEqual(before);
    // A member at the same address (an office shares one) is judged as a person only.
    expect((await admin.call('POST', '/api/me/phone', { phone: '06 20 00 00 77' })).status).toBe(202);
  });

  it('P7 participants from one network address ask at most ten e-mail changes a day between them; nothing is sent or kept past it', async () => {
    // The next day: the changes asked above no longer count.
    await world.setClock(new Date('2026-12-07T16:00:00Z'));
    const people = [];
    for (const n of [5, 6, 7]) people.push(await signUpParticipant(world, slug, `Client ${n}`, `client${n}@client.example`));
    const asked = () => queryStore<{ new_email: string }>(world.relay.dataDir, "SELECT new_email FROM email_changes WHERE new_email LIKE 'elsewhere%' ORDER BY new_email");
    const statuses: number[] = [];
    for (const [i, who] of people.entries()) {
      for (const k of [0, 1, 2, 3]) statuses.push((await who.call('POST', '/api/me/email', { email: `elsewhere${i}${k}@victim.example`, password })).status);
    }
    expect(statuses).toEqual([...Array<number>(10).fill(202), 429, 429]);
    expect((await asked()).length).toBe(10);
    const mails = await queryStore<{ n: number }>(world.relay.dataDir, "SELECT COUNT(*) AS n FROM mail_messages WHERE kind = 'email-change' AND to_address LIKE 'elsewhere%'");
    expect(mails).toEqual([{ n: 10 }]);
    // A member at the same address is counted as a person only.
    expect((await admin.call('POST', '/api/me/email', { email: 'alice.new@durand.example', password })).status).toBe(202);
  });
});
