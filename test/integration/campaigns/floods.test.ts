import { describe, expect, it } from 'vitest';
import { Api, password, type Api as ApiType } from '../../support/api.ts';
import { plainJpeg } from '../../support/images.ts';
import { storedPhotos } from '../../support/photos.ts';
import { withMailOrganisation, type MailRelay } from '../../support/mail-relay.ts';
import { queryStore } from '../../support/store-reader.ts';
import { proposeIdea, publishedBox, signUpParticipant } from './support.ts';

/**
 * Floods of a public campaign (issue 18) on a real relay: sign-ups from one address,
 * sign-ups for one e-mail address, ideas from one participant. Past each limit the relay
 * answers 429 with Retry-After and keeps nothing: no pending sign-up, no e-mail, no idea,
 * no photo file.
 */
let world: MailRelay;
let admin: ApiType;
withMailOrganisation(new Date('2026-12-06T09:00:00Z'), (w, a) => {
  world = w;
  admin = a;
});

const signUp = (email: string) => new Api(world.relay.url).call('POST', '/api/public/idea-boxes/flood/sign-up', { name: 'Robot', email, password });
const pending = async () => (await queryStore<{ n: number }>(world.relay.dataDir, 'SELECT COUNT(*) AS n FROM public_signups'))[0]?.n;
const mails = async () => (await queryStore<{ n: number }>(world.relay.dataDir, "SELECT COUNT(*) AS n FROM mail_messages WHERE kind LIKE 'campaign-%'"))[0]?.n;

describe('floods of a public campaign', () => {
  it('ten sign-ups at once from one address: five taken, five refused 429 with Retry-After, nothing kept of them', async () => {
    await publishedBox(admin, 'flood');
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => signUp(`robot${i}@spam.example`)));
    expect(answers.map((a) => a.status).sort()).toEqual([202, 202, 202, 202, 202, 429, 429, 429, 429, 429]);
    const refused = answers.find((a) => a.status === 429)!;
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await pending()).toBe(5);
    expect(await mails()).toBe(5);
    const again = await signUp('robot-late@spam.example');
    expect(again.status).toBe(429);
    expect([await pending(), await mails()]).toEqual([5, 5]);
  });

  it('one e-mail address: three sign-ups a day, then 429 even from another hour, nothing kept', async () => {
    await world.setClock(new Date('2026-12-06T10:01:00Z'));
    for (let i = 0; i < 3; i++) expect((await signUp('target@victim.example')).status).toBe(202);
    const before = [await pending(), await mails()];
    expect((await signUp('target@victim.example')).status).toBe(429);
    await world.setClock(new Date('2026-12-06T11:02:00Z'));
    expect((await signUp('target@victim.example')).status).toBe(429);
    expect([await pending(), await mails()]).toEqual(before);
    expect((await signUp('someone-else@client.example')).status).toBe(202);
  });

  it('a participant proposing too fast: five ideas an hour, the sixth 429 and neither idea nor photo kept', async () => {
    await world.setClock(new Date('2026-12-06T12:03:00Z'));
    const boxId = (await new Api(world.relay.url).ok<{ boxId: string }>('GET', '/api/public/idea-boxes/flood')).boxId;
    const paula = await signUpParticipant(world, 'flood', 'Paula Pressée', 'paula@client.example');
    for (let i = 0; i < 5; i++) {
      expect((await proposeIdea(paula, boxId, { title: `Idée numéro ${i}`, text: 'Encore une.', category: 'Courses' }, plainJpeg)).status).toBe(201);
    }
    const filesBefore = await storedPhotos(world.relay.dataDir);
    const ideasBefore = await queryStore(world.relay.dataDir, 'SELECT id FROM ideas ORDER BY id');
    const sixth = await proposeIdea(paula, boxId, { title: 'Idée de trop', text: 'Une de plus.', category: 'Courses' }, plainJpeg);
    expect([sixth.status, sixth.body.error?.code]).toEqual([429, 'rate_limited']);
    expect(await storedPhotos(world.relay.dataDir)).toEqual(filesBefore);
    expect(await queryStore(world.relay.dataDir, 'SELECT id FROM ideas ORDER BY id')).toEqual(ideasBefore);
    // Members are not counted by the public limits.
    for (let i = 0; i < 6; i++) expect((await proposeIdea(admin, boxId, { title: `Idée interne ${i}`, text: 'Dedans.', category: 'Courses' })).status).toBe(201);
  });
});
