import { describe, expect, it } from 'vitest';
import { Api, password, type Api as ApiType } from '../../support/api.ts';
import { plainJpeg } from '../../support/images.ts';
import { storedThumbnails } from '../../support/photos.ts';
import { withMailOrganisation, type MailRelay } from '../../support/mail-relay.ts';
import { queryStore } from '../../support/store-reader.ts';
import { proposeIdea, publishedBox, signUpParticipant, type PublicBoxView } from './support.ts';

/**
 * Public participants (issue 18) on a real relay, the e-mails read from an SMTP server on
 * loopback: sign-up answered 202 whoever asks, nothing of the person stored as an account
 * before the e-mailed link is opened; the link makes a participant who proposes (with a
 * photo) and votes through the idea endpoints, on published boxes only, and reaches
 * nothing else of the organisation.
 */
let world: MailRelay;
let admin: ApiType;
withMailOrganisation(new Date('2026-12-06T09:00:00Z'), (w, a) => {
  world = w;
  admin = a;
});

const anon = () => new Api(world.relay.url);
const users = (email: string) => queryStore<{ id: string; guest: number; participant: number }>(world.relay.dataDir, 'SELECT id, guest, participant FROM users WHERE email = ?', [email]);

describe('a stranger becomes a participant', () => {
  it('signs up (202, no account yet), opens the e-mailed link, proposes with a photo; another participant votes; names shown only when agreed', async () => {
    const boxId = await publishedBox(admin, 'si-j-etais-durand');
    const asked = await anon().call('POST', '/api/public/idea-boxes/si-j-etais-durand/sign-up', {
      name: 'Chloé Cliente',
      email: 'Chloe@Client.example',
      password,
      showName: true,
      language: 'fr',
    });
    expect([asked.status, asked.body]).toEqual([202, {}]);
    expect(await users('chloe@client.example')).toEqual([]);
    const mail = await world.smtp.nthTo('chloe@client.example');
    expect(mail.subject).toContain('Si j’étais Maison Durand…');
    const token = await world.smtp.tokenTo('chloe@client.example', '/ideas/si-j-etais-durand#/confirm/');
    const { token: session } = await anon().ok<{ token: string }>('POST', `/api/public/sign-up/${token}`);
    const chloe = anon().as(session);
    expect(await users('chloe@client.example')).toMatchObject([{ guest: 1, participant: 1 }]);
    const used = await anon().call<{ error: { code: string } }>('POST', `/api/public/sign-up/${token}`);
    expect([used.status, used.body.error.code]).toEqual([410, 'link_used']);
    expect((await anon().call('POST', `/api/public/sign-up/${'x'.repeat(43)}`)).status).toBe(404);

    const idea = await proposeIdea(chloe, boxId, { title: 'Un coin goûter', text: 'Des fruits pour les enfants à la caisse.', category: 'Enfants' }, plainJpeg);
    expect(idea.status, JSON.stringify(idea.body)).toBe(201);
    const wrongRubric = await proposeIdea(chloe, boxId, { title: 'Ailleurs', text: 'Sans rubrique.', category: 'Voitures' });
    expect(wrongRubric.status).toBe(400);
    const tooLong = await proposeIdea(chloe, boxId, { title: 'Trop long', text: 'x'.repeat(1001), category: 'Enfants' });
    expect(tooLong.status).toBe(400);

    const david = await signUpParticipant(world, 'si-j-etais-durand', 'David Discret', 'david@client.example');
    expect((await david.ok<{ votes: number; myVote: boolean }>('POST', `/api/ideas/${idea.body.id}/votes`, {})).votes).toBe(1);
    expect((await chloe.call('POST', `/api/ideas/${idea.body.id}/votes`, {})).status).toBe(403);
    expect(await david.ok('GET', '/api/public/idea-boxes/si-j-etais-durand/my-votes')).toEqual({ ideaIds: [idea.body.id], mine: [] });
    expect(await chloe.ok('GET', '/api/public/idea-boxes/si-j-etais-durand/my-votes')).toEqual({ ideaIds: [], mine: [idea.body.id] });
    const davidIdea = await proposeIdea(david, boxId, { title: 'Un rayon vrac', text: 'Moins d’emballages.', category: 'Environnement' });
    expect(davidIdea.status).toBe(201);

    const read = await anon().ok<PublicBoxView>('GET', '/api/public/idea-boxes/si-j-etais-durand');
    expect(read.ideas.map((i) => [i.title, i.votes, i.author, i.photo])).toEqual([
      ['Un coin goûter', 1, 'Chloé Cliente', true],
      ['Un rayon vrac', 0, null, false],
    ]);
    const photo = await fetch(`${world.relay.url}/api/public/idea-boxes/si-j-etais-durand/ideas/${idea.body.id}/photo`);
    expect([photo.status, photo.headers.get('content-type'), photo.headers.get('x-content-type-options')]).toEqual([200, 'image/jpeg', 'nosniff']);
    expect((await fetch(`${world.relay.url}/api/public/idea-boxes/si-j-etais-durand/ideas/${davidIdea.body.id}/photo`)).status).toBe(404);
    // The page shows a WebP thumbnail, made once and kept beside the photos.
    const thumbnail = await fetch(`${world.relay.url}/api/public/idea-boxes/si-j-etais-durand/ideas/${idea.body.id}/thumbnail`);
    const bytes = Buffer.from(await thumbnail.arrayBuffer());
    expect([thumbnail.status, thumbnail.headers.get('content-type'), bytes.subarray(0, 4).toString(), bytes.subarray(8, 12).toString()]).toEqual([200, 'image/webp', 'RIFF', 'WEBP']);
    expect(await storedThumbnails(world.relay.dataDir)).toHaveLength(1);
    const again = Buffer.from(await (await fetch(`${world.relay.url}/api/public/idea-boxes/si-j-etais-durand/ideas/${idea.body.id}/thumbnail`)).arrayBuffer());
    expect(again.equals(bytes)).toBe(true);
    expect((await fetch(`${world.relay.url}/api/public/idea-boxes/si-j-etais-durand/ideas/${davidIdea.body.id}/thumbnail`)).status).toBe(404);

    expect((await chloe.ok<{ campaigns: { slug: string }[] }>('GET', '/api/public/me/campaigns')).campaigns).toEqual([
      { slug: 'si-j-etais-durand', title: 'Si j’étais Maison Durand…' },
    ]);
    // The facilitator sees the participant's idea in the box as any other.
    const inside = await admin.ok<{ ideas: { title: string; author: { name: string } }[] }>('GET', `/api/activities/${boxId}/ideas?sort=newest`);
    expect(inside.ideas.map((i) => [i.title, i.author.name])).toEqual([
      ['Un rayon vrac', 'David Discret'],
      ['Un coin goûter', 'Chloé Cliente'],
    ]);
  });

  it('reaches nothing of the organisation: people 403, no activity, no unpublished box, no member-side idea endpoint', async () => {
    const carla = await signUpParticipant(world, 'si-j-etais-durand', 'Carla Curieuse', 'carla@client.example');
    const { id: privateBox } = await admin.ok<{ id: string }>('POST', '/api/activities', { kind: 'ideas', title: 'Interne', question: 'Idées pour l’équipe seulement ?', categories: ['Équipe'] });
    const { id: board } = await admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Budget', question: 'Where do we cut the budget?' });
    const published = (await anon().ok<PublicBoxView>('GET', '/api/public/idea-boxes/si-j-etais-durand')).boxId;

    expect((await carla.call('GET', '/api/users')).status).toBe(403);
    expect((await carla.call('GET', '/api/groups')).status).toBe(403);
    expect((await carla.ok<{ activities: unknown[] }>('GET', '/api/activities')).activities).toEqual([]);
    for (const path of [`/api/activities/${privateBox}`, `/api/activities/${board}`, `/api/activities/${published}`, `/api/activities/${published}/ideas`, `/api/activities/${published}/contributors`, `/api/activities/${privateBox}/ideas`]) {
      expect((await carla.call('GET', path)).status, path).toBe(404);
    }
    const before = await queryStore(world.relay.dataDir, 'SELECT id FROM ideas ORDER BY id');
    expect((await proposeIdea(carla, privateBox, { title: 'Je regarde', text: 'Dedans.', category: 'Équipe' })).status).toBe(404);
    expect((await carla.call('POST', `/api/activities/${board}/sync-ticket`)).status).toBe(404);
    expect((await carla.call('POST', '/api/activities', { title: 'Moi', question: 'Puis-je créer une activité ?' })).status).toBe(403);
    expect(await queryStore(world.relay.dataDir, 'SELECT id FROM ideas ORDER BY id')).toEqual(before);
    expect((await carla.ok<{ guest: boolean; name: string }>('GET', '/api/me')).name).toBe('Carla Curieuse');

    // Nor can the organisation bring a participant into an activity, by name or by invitation.
    const carlaId = (await users('carla@client.example'))[0]!.id;
    const members = await queryStore(world.relay.dataDir, 'SELECT * FROM activity_members ORDER BY activity_id, subject_id');
    const added = await admin.call<{ error: { code: string; message: string } }>('POST', `/api/activities/${board}/members`, { userId: carlaId, role: 'contributor' });
    expect([added.status, added.body.error?.message]).toEqual([409, expect.stringMatching(/public participant/)]);
    const invited = await admin.call<{ error: { code: string; message: string } }>('POST', '/api/invitations', { email: 'carla@client.example', activityId: board, activityRole: 'contributor' });
    expect([invited.status, invited.body.error?.message]).toEqual([409, expect.stringMatching(/public participant/)]);
    expect(await queryStore(world.relay.dataDir, 'SELECT * FROM activity_members ORDER BY activity_id, subject_id')).toEqual(members);
    expect((await carla.call('POST', `/api/activities/${board}/sync-ticket`)).status).toBe(404);
  });

  it('gives a phone number with their own SMS opt-in, theirs once they type the code texted to it', async () => {
    const david = await new Api(world.relay.url).ok<{ token: string }>('POST', '/api/session', { email: 'david@client.example', password });
    const participant = anon().as(david.token);
    expect((await participant.call('POST', '/api/me/phone', { phone: '06 12 34 56 78', smsOptIn: true })).status).toBe(202);
    const sent = await admin.ok<{ messages: { to: string; text: string }[] }>('GET', '/api/sms/messages?kind=profile.phone-code');
    const code = /(\d{6})/.exec(sent.messages.find((m) => m.to === '+33612345678')?.text ?? '')?.[1] ?? '';
    expect((await participant.ok<{ phone: string | null }>('POST', '/api/me/phone/confirm', { code })).phone).toBe('+33612345678');
    const davidId = (await users('david@client.example'))[0]!.id;
    const consent = await admin.ok<{ state: string; history: { action: string; byUserId: string }[] }>('GET', `/api/sms/consents/${davidId}`);
    expect(consent.state).toBe('in');
    expect(consent.history.at(-1)).toMatchObject({ action: 'opt_in', byUserId: davidId });
  });

  it('an address with an account gets an e-mail saying so and nothing is made; a filled honeypot is answered alike and dropped', async () => {
    // An hour later: this address's sign-ups of the tests above no longer count (five an hour).
    await world.setClock(new Date('2026-12-06T10:01:00Z'));
    const existing = await anon().call('POST', '/api/public/idea-boxes/si-j-etais-durand/sign-up', { name: 'Alice', email: 'alice@durand.example', password });
    expect(existing.status).toBe(202);
    const told = await world.smtp.nthTo('alice@durand.example');
    expect(told.text).toContain('/ideas/si-j-etais-durand');
    expect(told.text).not.toContain('#/confirm/');
    expect(await queryStore(world.relay.dataDir, "SELECT 1 FROM public_signups WHERE email = 'alice@durand.example'")).toEqual([]);

    const bot = await anon().call('POST', '/api/public/idea-boxes/si-j-etais-durand/sign-up', { name: 'Bot', email: 'bot@spam.example', password, website: 'http://spam.example' });
    expect([bot.status, bot.body]).toEqual([202, {}]);
    expect(await queryStore(world.relay.dataDir, "SELECT 1 FROM public_signups WHERE email = 'bot@spam.example'")).toEqual([]);
    expect(await users('bot@spam.example')).toEqual([]);
    const unknown = await anon().call('POST', '/api/public/idea-boxes/nulle-part/sign-up', { name: 'Eve', email: 'eve@client.example', password });
    expect(unknown.status).toBe(404);
    const extra = await anon().call('POST', '/api/public/idea-boxes/si-j-etais-durand/sign-up', { name: 'Eve', email: 'eve@client.example', password, role: 'admin' });
    expect(extra.status).toBe(400);
  });
});
