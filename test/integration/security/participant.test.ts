import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, password } from '../../support/api.ts';
import { removeDataDir } from '../../support/relay.ts';
import { linkToken } from '../../support/smtp.ts';
import { callerWith, leaksIn, orgDirectory } from './outside-callers.ts';
import { reads } from './reads.ts';
import { allowed, type Expected, type Rule } from './rules.ts';
import { changes, storeState } from './store-state.ts';
import { writes } from './writes.ts';
import { buildWorld, type World } from './world.ts';

/**
 * The access suite's world with a public participant (issue 18): a stranger who signed up
 * on an idea box the facilitator published, and confirmed through the e-mailed link. They
 * reach nothing of the organisation: every read and write of the suite answers them as a
 * member of no activity, the organisation's people, groups and plan figures 403, no
 * activity listed, the world's idea box (not published), its ideas and photos 404; no
 * answer carries any of the world's secrets, and no refused write changes the store.
 */
let w: World;
let participant: Api;
let participantId: string;
let publishedId: string;

beforeAll(async () => {
  w = await buildWorld();
  const { facilitator, admin } = w.callers;
  ({ id: publishedId } = await facilitator.ok<{ id: string }>('POST', '/api/activities', {
    kind: 'ideas',
    title: 'Si j’étais Durand',
    question: 'Que feriez-vous à notre place ?',
    categories: ['Courses'],
    publicSlug: 'si-j-etais-durand',
  }));
  const anon = new Api(w.relay.url);
  expect((await anon.call('POST', '/api/public/idea-boxes/si-j-etais-durand/sign-up', { name: 'Paul Public', email: 'paul@public.example', password })).status).toBe(202);
  const { messages } = await admin.ok<{ messages: { id: string; to: string }[] }>('GET', '/api/mail/messages?kind=campaign-confirm');
  const mail = await admin.ok<{ text: string }>('GET', `/api/mail/messages/${messages.find((m) => m.to === 'paul@public.example')!.id}`);
  const { token } = await anon.ok<{ token: string }>('POST', `/api/public/sign-up/${linkToken(mail.text, '#/confirm/')}`);
  participant = new Api(w.relay.url, token);
  participantId = (await participant.ok<{ id: string }>('GET', '/api/me')).id;
}, 180_000);

afterAll(async () => {
  await w?.relay.stop();
  if (w) await removeDataDir(w.relay.dataDir);
});

const call = (method: string, path: string, body?: unknown) => callerWith(w, participant.token!)(method, path, body);

/**
 * A participant is a guest of no activity: what any guest is refused where a stranger is
 * allowed (opening an activity, the SMS screens), and a stranger's answer everywhere else
 * (a guest's answers inside the activity they were invited to are not theirs).
 */
function expectedFor(path: string, rule: Rule, guest?: Expected): Expected {
  if (guest !== undefined && rule.stranger === allowed) return guest;
  if (orgDirectory(path, participantId)) return 403;
  return rule.stranger;
}

describe('a public participant', () => {
  it('is a guest of no activity and lists none; their campaigns are the published box only', async () => {
    expect((await participant.ok<{ guest: boolean }>('GET', '/api/me')).guest).toBe(true);
    expect((await participant.ok<{ activities: unknown[] }>('GET', '/api/activities')).activities).toEqual([]);
    expect((await participant.ok<{ campaigns: { slug: string }[] }>('GET', '/api/public/me/campaigns')).campaigns.map((c) => c.slug)).toEqual(['si-j-etais-durand']);
    expect((await call('GET', `/api/activities/${publishedId}`)).status).toBe(404);
  });

  it.each(reads.map((r) => [r.name, r] as const))('reads %s', async (name, read) => {
    const path = read.path(w);
    const answer = await call('GET', path);
    const expected = expectedFor(path, read.rule);
    if (expected === allowed) expect(answer.status, `${name}: ${answer.text.slice(0, 200)}`).toBe(200);
    else expect(answer.status, `${name}: ${answer.text.slice(0, 200)}`).toBe(expected);
    expect(leaksIn(w, answer.text), name).toEqual([]);
  });

  it.each(writes.map((x) => [x.name, x] as const))('writes %s: refused, nothing changes', async (name, write) => {
    const path = write.path(w);
    const expected = expectedFor(path, write.rule, write.guest);
    if (expected === allowed) return;
    const before = await storeState(w.relay.dataDir);
    const answer = await call(write.method, path, write.body?.(w));
    expect(answer.status, `${name}: ${answer.text.slice(0, 200)}`).toBe(expected);
    expect(leaksIn(w, answer.text), name).toEqual([]);
    expect(changes(before, await storeState(w.relay.dataDir)), name).toEqual([]);
  });

  const ownWrites: [string, string, () => string, () => unknown, number][] = [
    ['proposes in the world’s idea box (not published)', 'POST', () => `/api/activities/${w.ids.box}/ideas`, () => ({ title: 'Par la porte', text: 'Dedans.', category: 'Energy' }), 404],
    ['votes for an idea of it', 'POST', () => `/api/ideas/${w.ids.idea}/votes`, () => ({}), 404],
    ['comments on an idea of it', 'POST', () => `/api/ideas/${w.ids.idea}/comments`, () => ({ text: 'Je regarde.' }), 404],
    ['reports a comment of it', 'POST', () => `/api/idea-comments/${w.ids.comment}/reports`, () => ({ reason: 'spam' }), 404],
    ['asks a sync ticket for the published box', 'POST', () => `/api/activities/${publishedId}/sync-ticket`, () => undefined, 404],
    ['publishes the box elsewhere', 'PATCH', () => `/api/activities/${publishedId}`, () => ({ publicSlug: 'ailleurs' }), 404],
    ['invites a friend', 'POST', () => '/api/invitations', () => ({ email: 'friend@public.example' }), 403],
    ['sends a test e-mail', 'POST', () => '/api/mail/test', () => ({ to: 'friend@public.example' }), 403],
    ['erases their account without their password', 'POST', () => '/api/me/erasure', () => ({ password: 'not the password' }), 401],
  ];
  it.each(ownWrites)('%s: refused, nothing changes', async (what, method, path, body, status) => {
    const before = await storeState(w.relay.dataDir);
    const answer = await call(method, path(), body());
    expect(answer.status, `${what}: ${answer.text.slice(0, 200)}`).toBe(status);
    expect(changes(before, await storeState(w.relay.dataDir)), what).toEqual([]);
  });
});
