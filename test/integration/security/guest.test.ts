import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Api, password } from '../../support/api.ts';
import { removeDataDir } from '../../support/relay.ts';
import { linkToken } from '../../support/smtp.ts';
import { reads } from './reads.ts';
import { allowed, type Expected, type Rule } from './rules.ts';
import { callerWith, orgDirectory } from './outside-callers.ts';
import { changes, storeState } from './store-state.ts';
import { writes, type Write } from './writes.ts';
import { buildWorld, type World } from './world.ts';

/**
 * The access suite's world with one more caller: a guest, invited by e-mail from outside
 * the organisation to one activity (the sealed board) as a contributor. On that activity
 * a guest is answered like its contributor; everywhere else like a member of no activity,
 * except that the organisation's people and groups are refused (403). No answer carries
 * any of the world's secrets, and every refused write changes nothing.
 */
let w: World;
let guest: Api;
let guestId: string;

beforeAll(async () => {
  w = await buildWorld();
  const { facilitator, admin } = w.callers;
  await facilitator.ok('POST', '/api/invitations', { email: 'consultant@outside.example', activityId: w.ids.sealed, activityRole: 'contributor' });
  const { messages } = await admin.ok<{ messages: { id: string; to: string }[] }>('GET', '/api/mail/messages?kind=invitation');
  const mail = await admin.ok<{ text: string }>('GET', `/api/mail/messages/${messages.find((m) => m.to === 'consultant@outside.example')!.id}`);
  const { token } = await new Api(w.relay.url).ok<{ token: string }>('POST', `/api/invitations/${linkToken(mail.text, '/#/invite/')}/accept`, { name: 'Olga Conseil', password });
  guest = new Api(w.relay.url, token);
  guestId = (await guest.ok<{ id: string; guest: boolean }>('GET', '/api/me')).id;
}, 180_000);

afterAll(async () => {
  await w?.relay.stop();
  if (w) await removeDataDir(w.relay.dataDir);
});

/** Paths that address the activity the guest was invited to, its polls or its files. */
const ofTheirActivity = (path: string) =>
  [w.ids.sealed, w.ids.single, w.ids.estimate, w.ids.entries, w.ids.consent, w.ids.file, w.ids.image].some((id) => path.includes(id));

function expectedFor(path: string, rule: Rule, guest?: Expected): Expected {
  if (guest !== undefined) return guest;
  if (orgDirectory(path, guestId)) return 403;
  return ofTheirActivity(path) ? rule.contributor : rule.stranger;
}

const call = (method: string, path: string, body?: unknown) => callerWith(w, guest.token!)(method, path, body);

/** Secrets in an answer; those a guest may read (their activity's files) are noted as found instead. */
const found = new Set<string>();
const leaks = (text: string) =>
  w.secrets
    .filter((s) => text.includes(s.value) || text.includes(JSON.stringify(s.value).slice(1, -1)))
    .filter((s) => !(s.guestReads && found.add(s.label)))
    .map((s) => s.label);

describe('a guest caller', () => {
  it('lists only the activity they were invited to, and is marked a guest', async () => {
    const me = await guest.ok<{ guest: boolean }>('GET', '/api/me');
    expect(me.guest).toBe(true);
    const { activities } = await guest.ok<{ activities: { id: string }[] }>('GET', '/api/activities');
    expect(activities.map((a) => a.id)).toEqual([w.ids.sealed]);
  });

  it.each(reads.map((r) => [r.name, r] as const))('reads %s', async (name, read) => {
    const path = read.path(w);
    const answer = await call('GET', path);
    const expected = expectedFor(path, read.rule);
    if (expected === allowed) expect(answer.status, `${name}: ${answer.text.slice(0, 200)}`).toBe(200);
    else expect(answer.status, `${name}: ${answer.text.slice(0, 200)}`).toBe(expected);
    expect(leaks(answer.text), name).toEqual([]);
  });

  it.each(writes.map((x) => [x.name, x] as const))('writes %s: refused, nothing changes', async (name, write) => {
    const path = write.path(w);
    const expected = expectedFor(path, write.rule, write.guest);
    if (expected === allowed) return;
    const before = await storeState(w.relay.dataDir);
    const answer = await call(write.method, path, write.body?.(w));
    expect(answer.status, `${name}: ${answer.text.slice(0, 200)}`).toBe(expected);
    expect(leaks(answer.text), name).toEqual([]);
    expect(changes(before, await storeState(w.relay.dataDir)), name).toEqual([]);
  });

  it.each(guestWrites.map((x) => [x.name, x] as const))('writes %s: refused to a guest, nothing changes', async (name, write) => {
    const before = await storeState(w.relay.dataDir);
    const answer = await call(write.method, write.path(w), write.body?.(w));
    expect(answer.status, `${name}: ${answer.text.slice(0, 200)}`).toBe(write.guest);
    expect(changes(before, await storeState(w.relay.dataDir)), name).toEqual([]);
  });
});

describe('the checks can fail', () => {
  it("the guest did read their activity's files (names and contents): the search finds them", () => {
    expect(w.secrets.filter((s) => s.guestReads && !found.has(s.label)).map((s) => s.label)).toEqual([]);
  });
});

/** Writes outside the shared list that only a guest could try: inviting, mailing. */
const guestWrites: (Omit<Write, 'rule'> & { guest: number })[] = [
  { name: 'POST /api/invitations (to the organisation)', method: 'POST', path: () => '/api/invitations', body: () => ({ email: 'friend@outside.example' }), guest: 403 },
  {
    name: 'POST /api/invitations (to their activity)',
    method: 'POST',
    path: () => '/api/invitations',
    body: (x) => ({ email: 'friend@outside.example', activityId: x.ids.sealed, activityRole: 'contributor' }),
    guest: 403,
  },
  { name: 'POST /api/mail/test', method: 'POST', path: () => '/api/mail/test', body: () => ({ to: 'friend@outside.example' }), guest: 403 },
];

/**
 * Nor can the organisation make a guest one of its own by a side door: a group would
 * open every activity of the group to them, a list would text them the daily figures,
 * the controller capability and the administrator role the organisation's data.
 */
describe('the organisation cannot widen a guest', () => {
  const refusals: [string, 'PUT' | 'POST' | 'PATCH', () => string, () => unknown][] = [
    ['into a group', 'PUT', () => `/api/groups/${w.ids.group}/members`, () => ({ members: [w.people.contributor, guestId] })],
    ['into a group, one person', 'POST', () => `/api/groups/${w.ids.group}/members`, () => ({ userId: guestId })],
    ['into a new group', 'POST', () => '/api/groups', () => ({ name: 'Consultants', members: [guestId] })],
    ['onto a recipient list', 'POST', () => '/api/lists', () => ({ name: 'Consultants', members: [guestId] })],
    ['as a figures controller', 'PUT', () => `/api/figures/controllers/${guestId}`, () => undefined],
    ['as an administrator', 'PATCH', () => `/api/users/${guestId}`, () => ({ role: 'admin' })],
  ];
  it.each(refusals)('an administrator puts a guest %s: refused, nothing changes', async (what, method, path, body) => {
    const before = await storeState(w.relay.dataDir);
    const res = await fetch(w.relay.url + path(), {
      method,
      headers: { authorization: `Bearer ${w.callers.admin.token}`, ...(body() === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body() === undefined ? undefined : JSON.stringify(body()),
    });
    const text = await res.text();
    expect(res.status, `${what}: ${text.slice(0, 200)}`).toBe(409);
    expect((JSON.parse(text) as { error: { message: string } }).error.message, what).toMatch(/guest/i);
    expect(changes(before, await storeState(w.relay.dataDir)), what).toEqual([]);
  });
});
