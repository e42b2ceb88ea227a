import { describe, expect, it } from 'vitest';
import { Api, type Api as ApiType } from '../../support/api.ts';
import { withMailOrganisation, type MailRelay } from '../../support/mail-relay.ts';
import { dialect } from '../../../server/store/dialect.ts';
import { engineOf, queryStore } from '../../support/store-reader.ts';
import { proposeIdea, publishedBox, signUpParticipant, type PublicBoxView } from './support.ts';

/**
 * Comments on ideas (issue 18: participants "propose, vote and comment"; "report on any
 * idea or comment"; "facilitators hide with a reason the author sees") on a real relay,
 * e-mails read from an SMTP server on loopback. Members and participants comment on a
 * published box; the stranger reads what is shown, names only when agreed; pre-moderation
 * holds a participant's comment back until approved; reports and hiding work as on ideas;
 * floods are refused 429 and keep nothing; an erased participant's comments stay as a
 * former member's.
 */
let world: MailRelay;
let admin: ApiType;
withMailOrganisation(new Date('2026-12-06T09:00:00Z'), (w, a) => {
  world = w;
  admin = a;
});

interface CommentView {
  id: string;
  text: string;
  author: { id: string; name: string };
  moderation: string;
  hidden: { reason: string } | null;
  mine: boolean;
  reports: number;
}
interface PublicCommentView {
  text: string;
  author: string | null;
  team: boolean;
}
interface NoticeView {
  kind: string;
  reason: string | null;
  comment: { id: string; text: string } | null;
}

const anon = () => new Api(world.relay.url);
const comments = async () => (await queryStore<{ id: string; text: string }>(world.relay.dataDir, 'SELECT id, text FROM idea_comments ORDER BY created_at, id'));
const publicComments = (slug: string, ideaId: string) => anon().ok<{ comments: PublicCommentView[]; total: number }>('GET', `/api/public/idea-boxes/${slug}/ideas/${ideaId}/comments`);
const texts = (list: { text: string }[]) => list.map((c) => c.text);

let boxId: string;
let ideaId: string;
let chloe: ApiType;
let david: ApiType;

describe('comments on ideas', () => {
  it('participants and members comment on a published idea; the stranger reads them, names only when agreed; bad comments refused, nothing kept', async () => {
    boxId = await publishedBox(admin, 'avis');
    chloe = await signUpParticipant(world, 'avis', 'Chloé Cliente', 'chloe@client.example', 1, { showName: true });
    david = await signUpParticipant(world, 'avis', 'David Discret', 'david@client.example');
    const idea = await proposeIdea(chloe, boxId, { title: 'Un coin goûter', text: 'Des fruits pour les enfants à la caisse.', category: 'Enfants' });
    ideaId = idea.body.id!;

    const first = await david.call<CommentView>('POST', `/api/ideas/${ideaId}/comments`, { text: 'Oui, avec des pommes.' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ text: 'Oui, avec des pommes.', author: { name: 'David Discret' }, moderation: 'approved', hidden: null, mine: true });
    await chloe.ok('POST', `/api/ideas/${ideaId}/comments`, { text: 'Merci pour le soutien !' });
    await admin.ok('POST', `/api/ideas/${ideaId}/comments`, { text: 'Nous regardons cela avec le magasin de Lyon.' });

    const before = await comments();
    for (const [body, status] of [
      [{ text: '' }, 400],
      [{ text: '   ' }, 400],
      [{ text: 'x'.repeat(1001) }, 400],
      [{ text: 'Bonjour', author: 'Alice' }, 400],
      [{}, 400],
    ] as const) {
      expect((await david.call('POST', `/api/ideas/${ideaId}/comments`, body)).status, JSON.stringify(body).slice(0, 40)).toBe(status);
    }
    expect((await anon().call('POST', `/api/ideas/${ideaId}/comments`, { text: 'Anonyme' })).status).toBe(401);
    expect(await comments()).toEqual(before);

    const read = await publicComments('avis', ideaId);
    expect(read.comments.map((c) => [c.text, c.author, c.team])).toEqual([
      ['Oui, avec des pommes.', null, false],
      ['Merci pour le soutien !', 'Chloé Cliente', false],
      ['Nous regardons cela avec le magasin de Lyon.', null, true],
    ]);
    expect(read.total).toBe(3);
    expect(JSON.stringify(read)).not.toMatch(/Alice|David|@/);
    const box = await anon().ok<PublicBoxView & { ideas: { comments: number }[] }>('GET', '/api/public/idea-boxes/avis');
    expect(box.ideas[0]?.comments).toBe(3);
    const page = await (await fetch(`${world.relay.url}/ideas/avis?lang=fr`)).text();
    expect(page).toContain('Oui, avec des pommes.');
    expect(page).toContain('Nous regardons cela avec le magasin de Lyon.');

    // In the app, the members see every name; a participant sees the same list as any reader.
    const inside = await admin.ok<{ comments: CommentView[]; total: number }>('GET', `/api/ideas/${ideaId}/comments`);
    expect(inside.comments.map((c) => [c.author.name, c.mine])).toEqual([
      ['David Discret', false],
      ['Chloé Cliente', false],
      ['Alice Durand', true],
    ]);
    expect(texts((await david.ok<{ comments: CommentView[] }>('GET', `/api/ideas/${ideaId}/comments`)).comments)).toEqual(texts(inside.comments));

    // An idea of a box that is not published: a participant cannot reach it, nor the stranger its comments.
    const { id: closedBox } = await admin.ok<{ id: string }>('POST', '/api/activities', { kind: 'ideas', title: 'Interne', question: 'Idées de l’équipe ?', categories: ['Équipe'] });
    const { id: inner } = await admin.ok<{ id: string }>('POST', `/api/activities/${closedBox}/ideas`, { title: 'Une idée interne', text: 'Pour nous.', category: 'Équipe' });
    await admin.ok('POST', `/api/ideas/${inner}/comments`, { text: 'Secret interne' });
    expect((await david.call('GET', `/api/ideas/${inner}/comments`)).status).toBe(404);
    expect((await david.call('POST', `/api/ideas/${inner}/comments`, { text: 'Je regarde' })).status).toBe(404);
    expect((await anon().call('GET', `/api/public/idea-boxes/avis/ideas/${inner}/comments`)).status).toBe(404);
  });

  it('a participant reading comments in the app learns no name the public page does not show, nor who wrote what', async () => {
    const inside = await admin.ok<{ comments: CommentView[] }>('GET', `/api/ideas/${ideaId}/comments`);
    const ids = inside.comments.map((c) => c.author.id);
    const seen = async (api: ApiType) => (await api.ok<{ comments: CommentView[] }>('GET', `/api/ideas/${ideaId}/comments`)).comments;
    // David did not agree to be named: Chloé reads his comment as the stranger does; the member as the organisation.
    const byChloe = await seen(chloe);
    expect(byChloe.map((c) => [c.author.name, c.mine])).toEqual([
      ['', false],
      ['Chloé Cliente', true],
      ['', false],
    ]);
    const byDavid = await seen(david);
    expect(byDavid.map((c) => [c.author.name, c.mine])).toEqual([
      ['David Discret', true],
      ['Chloé Cliente', false],
      ['', false],
    ]);
    // No person's id either: the same author's comments are not linked across ideas.
    expect(byChloe.map((c) => c.author.id)).toEqual([byChloe[0]!.id, ids[1], byChloe[2]!.id]);
    expect(JSON.stringify(byChloe)).not.toMatch(/David|Alice|Durand/);
    expect(JSON.stringify(byChloe)).not.toContain(ids[0]!);
    expect(JSON.stringify(byDavid)).not.toContain(ids[2]!);
  });

  it('with pre-moderation a participant’s comment waits, seen by its author and the facilitators only, until approved; its author is told', async () => {
    await admin.ok('PATCH', `/api/activities/${boxId}/idea-settings`, { premoderation: true });
    const waiting = await david.ok<CommentView>('POST', `/api/ideas/${ideaId}/comments`, { text: 'Et des clémentines en hiver.' });
    expect(waiting.moderation).toBe('pending');
    expect(texts((await publicComments('avis', ideaId)).comments)).not.toContain('Et des clémentines en hiver.');
    expect(texts((await chloe.ok<{ comments: CommentView[] }>('GET', `/api/ideas/${ideaId}/comments`)).comments)).not.toContain('Et des clémentines en hiver.');
    expect(texts((await david.ok<{ comments: CommentView[] }>('GET', `/api/ideas/${ideaId}/comments`)).comments)).toContain('Et des clémentines en hiver.');
    // Its author finds it again, on any device, among their comments of the box that not everyone sees; nobody else does.
    const held = (api: ApiType) => api.ok<{ comments: CommentView[] }>('GET', `/api/activities/${boxId}/my-comments`);
    expect((await held(david)).comments.map((c) => [c.id, c.moderation, c.mine])).toEqual([[waiting.id, 'pending', true]]);
    expect((await held(chloe)).comments).toEqual([]);
    expect((await held(admin)).comments).toEqual([]);
    expect((await anon().call('GET', `/api/activities/${boxId}/my-comments`)).status).toBe(401);
    const queues = await admin.ok<{ comments: { pending: { id: string; ideaTitle: string }[] } }>('GET', `/api/activities/${boxId}/idea-queues`);
    expect(queues.comments.pending.map((c) => [c.id, c.ideaTitle])).toEqual([[waiting.id, 'Un coin goûter']]);
    // Nobody but a facilitator approves it, and nobody reports what they cannot see.
    expect((await chloe.call('POST', `/api/idea-comments/${waiting.id}/moderation`, { decision: 'approve' })).status).toBe(404);
    expect((await chloe.call('POST', `/api/idea-comments/${waiting.id}/reports`, { reason: 'spam' })).status).toBe(404);

    const approved = await admin.ok<CommentView>('POST', `/api/idea-comments/${waiting.id}/moderation`, { decision: 'approve' });
    expect(approved.moderation).toBe('approved');
    // Shown to all now, it is named among the author's comments everyone sees (the page marks it theirs), and nobody else's.
    const shownOf = async (api: ApiType) => (await api.ok<{ shown: string[] }>('GET', `/api/activities/${boxId}/my-comments`)).shown;
    expect(await shownOf(david)).toContain(waiting.id);
    expect(await shownOf(chloe)).not.toContain(waiting.id);
    expect(await shownOf(admin)).not.toContain(waiting.id);
    expect(texts((await publicComments('avis', ideaId)).comments)).toContain('Et des clémentines en hiver.');
    const { notices } = await david.ok<{ notices: NoticeView[] }>('GET', '/api/idea-notices');
    expect(notices[0]).toMatchObject({ kind: 'approved', comment: { id: waiting.id, text: 'Et des clémentines en hiver.' } });
    // A facilitator's own comment needs no approval.
    expect((await admin.ok<CommentView>('POST', `/api/ideas/${ideaId}/comments`, { text: 'Bonne idée.' })).moderation).toBe('approved');
    await admin.ok('PATCH', `/api/activities/${boxId}/idea-settings`, { premoderation: false });
  });

  it('a comment is reported once, hidden by a facilitator with a reason its author reads, and shown again', async () => {
    const rude = await david.ok<CommentView>('POST', `/api/ideas/${ideaId}/comments`, { text: 'Idée nulle, comme le magasin.' });
    expect((await david.call('POST', `/api/idea-comments/${rude.id}/reports`, { reason: 'offensive' })).status).toBe(403);
    expect((await chloe.call('POST', `/api/idea-comments/${rude.id}/reports`, { reason: 'offensive', note: 'Insultant' })).status).toBe(201);
    expect((await chloe.call('POST', `/api/idea-comments/${rude.id}/reports`, { reason: 'offensive' })).status).toBe(409);
    expect((await chloe.call('POST', `/api/idea-comments/${rude.id}/reports`, { reason: 'rude' })).status).toBe(400);
    const queues = await admin.ok<{ comments: { reported: { id: string; reports: number; reportDetails: { reason: string; note: string | null }[] }[] } }>('GET', `/api/activities/${boxId}/idea-queues`);
    expect(queues.comments.reported).toMatchObject([{ id: rude.id, reports: 1, reportDetails: [{ reason: 'offensive', note: 'Insultant' }] }]);
    expect((await chloe.call('POST', `/api/idea-comments/${rude.id}/hidden`, { reason: 'Non.' })).status).toBe(403);
    expect((await admin.call('POST', `/api/idea-comments/${rude.id}/hidden`, {})).status).toBe(400);

    const hidden = await admin.ok<CommentView>('POST', `/api/idea-comments/${rude.id}/hidden`, { reason: 'Restons courtois envers les équipes.' });
    expect(hidden.hidden?.reason).toBe('Restons courtois envers les équipes.');
    expect(texts((await publicComments('avis', ideaId)).comments)).not.toContain('Idée nulle, comme le magasin.');
    expect(texts((await chloe.ok<{ comments: CommentView[] }>('GET', `/api/ideas/${ideaId}/comments`)).comments)).not.toContain('Idée nulle, comme le magasin.');
    const own = (await david.ok<{ comments: CommentView[] }>('GET', `/api/ideas/${ideaId}/comments`)).comments.find((c) => c.id === rude.id);
    expect(own?.hidden?.reason).toBe('Restons courtois envers les équipes.');
    // Approved, the waiting one left the author's held comments; the hidden one is there, with its reason.
    expect((await david.ok<{ comments: CommentView[] }>('GET', `/api/activities/${boxId}/my-comments`)).comments.map((c) => [c.id, c.hidden?.reason])).toEqual([
      [rude.id, 'Restons courtois envers les équipes.'],
    ]);
    const { notices } = await david.ok<{ notices: NoticeView[] }>('GET', '/api/idea-notices');
    expect(notices[0]).toMatchObject({ kind: 'hidden', reason: 'Restons courtois envers les équipes.', comment: { id: rude.id } });
    // Hiding acted on the report: the queue is empty.
    expect((await admin.ok<{ comments: { reported: unknown[] } }>('GET', `/api/activities/${boxId}/idea-queues`)).comments.reported).toEqual([]);
    expect((await admin.call('POST', `/api/idea-comments/${rude.id}/hidden`, { reason: 'Encore' })).status).toBe(409);

    await admin.ok('DELETE', `/api/idea-comments/${rude.id}/hidden`);
    expect(texts((await publicComments('avis', ideaId)).comments)).toContain('Idée nulle, comme le magasin.');
    expect((await david.ok<{ notices: NoticeView[] }>('GET', '/api/idea-notices')).notices[0]).toMatchObject({ kind: 'shown', comment: { id: rude.id } });
    // Reports on a comment shown again are dismissed by a facilitator, not by anyone else.
    const other = await chloe.ok<CommentView>('POST', `/api/ideas/${ideaId}/comments`, { text: 'Je maintiens.' });
    await david.ok('POST', `/api/idea-comments/${other.id}/reports`, { reason: 'spam' });
    expect((await chloe.call('DELETE', `/api/idea-comments/${other.id}/reports`)).status).toBe(403);
    expect((await admin.ok<CommentView>('DELETE', `/api/idea-comments/${other.id}/reports`)).reports).toBe(0);
    expect((await admin.call('DELETE', `/api/idea-comments/${other.id}/reports`)).status).toBe(409);
  });

  it('floods: 20 comments an hour per account, 60 per network address for participants; 429 with Retry-After, nothing kept', async () => {
    // An hour later: the comments and sign-ups above no longer count.
    await world.setClock(new Date('2026-12-06T10:01:00Z'));
    const erin = await signUpParticipant(world, 'avis', 'Erin Envahissante', 'erin@client.example');
    const fred = await signUpParticipant(world, 'avis', 'Fred Fâcheux', 'fred@client.example');
    const post = (api: ApiType, i: number) => api.call('POST', `/api/ideas/${ideaId}/comments`, { text: `Message numéro ${i}` });
    for (const who of [erin, fred, chloe]) {
      const answers = await Promise.all(Array.from({ length: 22 }, (_, i) => post(who, i)));
      expect(answers.map((a) => a.status).sort()).toEqual([...Array<number>(20).fill(201), 429, 429]);
    }
    const before = await comments();
    // Sixty from this address this hour: David's first is refused too, whoever he is.
    const refused = await post(david, 99);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await comments()).toEqual(before);
    // Members are not counted by address: the facilitator still comments.
    expect((await admin.call('POST', `/api/ideas/${ideaId}/comments`, { text: 'Merci à tous.' })).status).toBe(201);

    // Reports of comments and of ideas share one count: twenty a person a day, whichever they are.
    const freds = (await queryStore<{ id: string }>(world.relay.dataDir, "SELECT id FROM idea_comments WHERE text LIKE 'Message%' AND author_id = (SELECT id FROM users WHERE email = 'fred@client.example') ORDER BY id")).map((r) => r.id);
    for (const id of freds.slice(0, 19)) expect((await erin.call('POST', `/api/idea-comments/${id}/reports`, { reason: 'spam' })).status).toBe(201);
    expect((await erin.call('POST', `/api/ideas/${ideaId}/reports`, { reason: 'spam' })).status).toBe(201);
    const reports = await queryStore(world.relay.dataDir, 'SELECT * FROM idea_comment_reports ORDER BY comment_id, reporter_id');
    expect((await erin.call('POST', `/api/idea-comments/${freds[19]}/reports`, { reason: 'spam' })).status).toBe(429);
    expect(await queryStore(world.relay.dataDir, 'SELECT * FROM idea_comment_reports ORDER BY comment_id, reporter_id')).toEqual(reports);
    await admin.ok('DELETE', `/api/ideas/${ideaId}/reports`);
    const fredIdea = await proposeIdea(fred, boxId, { title: 'Des caisses rapides', text: 'Pour moins de cinq articles.', category: 'Courses' });
    expect((await erin.call('POST', `/api/ideas/${fredIdea.body.id}/reports`, { reason: 'spam' })).status).toBe(429);
  });

  it('an erased participant’s comments stay, as a former member’s, and their name leaves others’ comments', async () => {
    await world.setClock(new Date('2026-12-06T11:02:00Z'));
    await chloe.ok('POST', `/api/ideas/${ideaId}/comments`, { text: 'Comme le disait David Discret, des pommes.' });
    // Others name him in what the public page shows too: an idea's title and text, the organisation's answer.
    const named = await proposeIdea(chloe, boxId, { title: 'Les pommes de David Discret', text: 'David Discret avait raison.', category: 'Enfants' });
    await admin.ok('POST', `/api/ideas/${named.body.id}/status`, { status: 'under_study', reason: 'Merci à David Discret, nous regardons.' });
    const similar = () => admin.ok<{ similar: { title: string }[] }>('GET', `/api/activities/${boxId}/ideas/similar?title=${encodeURIComponent('Les pommes de David')}`);
    expect((await similar()).similar.map((i) => i.title)).toContain('Les pommes de David Discret');
    const davidId = (await david.ok<{ id: string }>('GET', '/api/me')).id;
    const holdsName = (text: string) => dialect.contains(engineOf(world.relay.dataDir), text, "'David Discret'");
    await admin.ok('POST', `/api/users/${davidId}/erase`);
    expect(await queryStore(world.relay.dataDir, `SELECT id FROM ideas WHERE ${holdsName("title || ' ' || text || ' ' || COALESCE(reason, '')")}`)).toEqual([]);
    expect(await queryStore(world.relay.dataDir, `SELECT id FROM idea_status_changes WHERE ${holdsName("COALESCE(reason, '')")}`)).toEqual([]);
    expect(JSON.stringify(await anon().ok('GET', '/api/public/idea-boxes/avis'))).not.toContain('David Discret');
    expect(await (await fetch(`${world.relay.url}/ideas/avis?lang=fr`)).text()).not.toContain('David Discret');
    expect(JSON.stringify(await similar())).not.toContain('David Discret');
    const inside = await admin.ok<{ comments: CommentView[] }>('GET', `/api/ideas/${ideaId}/comments?limit=100`);
    const his = inside.comments.filter((c) => c.author.id === davidId);
    expect(his.length).toBeGreaterThan(0);
    expect(new Set(his.map((c) => c.author.name))).toEqual(new Set(['Ancien membre']));
    expect(texts(his)).toContain('Oui, avec des pommes.');
    expect(texts(inside.comments)).toContain('Comme le disait Ancien membre, des pommes.');
    expect(await queryStore(world.relay.dataDir, `SELECT id FROM idea_comments WHERE ${holdsName('text')}`)).toEqual([]);
    const read = await publicComments('avis', ideaId);
    expect(JSON.stringify(read)).not.toContain('David Discret');
    expect(read.comments.find((c) => c.text === 'Oui, avec des pommes.')).toMatchObject({ author: null, team: false });
  });
});
