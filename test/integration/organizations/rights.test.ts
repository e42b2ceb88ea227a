import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrganizationRights } from '#core/api/organizations';
import type { Me } from '#core/api/users';
import { Api, addPerson, password, setUpOrganisation } from '../../support/api.ts';
import { runOperator } from '../../support/operator.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { linkToken } from '../../support/smtp.ts';
import { queryStore } from '../../support/store-reader.ts';

/**
 * Rights per group (issue 15, core/people/rights.ts) on a real relay holding two
 * organisations on the Unlimited plan: administrators keep creating activities, inviting
 * guests and controlling figures to some groups; a refusal is 403 `right_missing` and
 * changes nothing; a plan without rights per group brings every default back at once,
 * and the grants return with the plan.
 */
type Answer = { id?: string; error?: { code: string; message: string } };
let relay: RelayProcess;
let alice: Api;
let bruno: { id: string; api: Api };
let chloe: { id: string; api: Api };
let managers: string;
let martin: Api;
let summer: string;

const newActivity = (api: Api, title: string, kind?: 'ideas') =>
  api.call<Answer>('POST', '/api/activities', {
    title,
    question: `What do we decide about ${title}?`,
    ...(kind ? { kind, categories: ['Store'] } : {}),
  });
const count = async (sql: string, params: string[] = []) => (await queryStore<{ n: number }>(relay.dataDir, sql, params))[0]?.n ?? -1;
const rightsOf = async (api: Api) => (await api.ok<Me>('GET', '/api/me')).rights;

beforeAll(async () => {
  relay = await startRelayProcess({ env: { CONCLAVE_SIGNUP: 'open', CONCLAVE_DEFAULT_PLAN: 'unlimited' } });
  alice = await setUpOrganisation(relay.url);
  bruno = await addPerson(alice, 'Bruno Petit');
  chloe = await addPerson(alice, 'Chloe Martin');
  managers = (await alice.ok<{ id: string }>('POST', '/api/groups', { name: 'Managers', members: [chloe.id] })).id;
  const { token } = await new Api(relay.url).ok<{ token: string }>('POST', '/api/organizations', {
    organization: 'Boulangerie Martin',
    name: 'Marc Martin',
    email: 'marc@martin.example',
    password,
  });
  martin = alice.as(token);
}, 60_000);

afterAll(async () => {
  await relay?.stop();
  if (relay) await removeDataDir(relay.dataDir);
});

describe('defaults', () => {
  it('members create activities, open idea boxes and invite guests; administrators hold every right', async () => {
    expect(await rightsOf(bruno.api)).toEqual(['createActivities', 'openIdeaBoxes', 'inviteGuests']);
    expect(await rightsOf(alice)).toEqual(['createActivities', 'openIdeaBoxes', 'inviteGuests', 'textMany', 'controlFigures']);
    const made = await newActivity(bruno.api, 'the summer menu');
    expect(made.status).toBe(201);
    summer = made.body.id!;
    const rights = await alice.ok<OrganizationRights>('GET', '/api/organization/rights');
    expect(rights.perGroupSecurity).toBe(true);
    expect(rights.rights.find((r) => r.right === 'createActivities')).toEqual({ right: 'createActivities', everyone: true, everyoneSetHere: true, groups: [] });
  });

  it('only administrators read or set rights; an unknown right is 404', async () => {
    expect((await bruno.api.call<Answer>('GET', '/api/organization/rights')).status).toBe(403);
    expect((await bruno.api.call<Answer>('PUT', '/api/organization/rights/createActivities', { everyone: true, groups: [] })).status).toBe(403);
    expect((await alice.call<Answer>('PUT', '/api/organization/rights/deleteEverything', { groups: [] })).status).toBe(404);
  });
});

describe('kept to a group', () => {
  it('creating activities: refused right_missing for those outside the group, nothing created; the group creates', async () => {
    const set = await alice.ok<OrganizationRights>('PUT', '/api/organization/rights/createActivities', { everyone: false, groups: [managers] });
    expect(set.rights.find((r) => r.right === 'createActivities')).toMatchObject({ everyone: false, groups: [{ id: managers, name: 'Managers' }] });
    const before = await count('SELECT COUNT(*) AS n FROM activities');
    const refused = await newActivity(bruno.api, 'the winter menu');
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'right_missing' });
    expect(refused.body.error?.message).toMatch(/create activities/);
    expect(await count('SELECT COUNT(*) AS n FROM activities')).toBe(before);
    expect(await rightsOf(bruno.api)).not.toContain('createActivities');
    expect((await newActivity(chloe.api, 'the winter menu')).status).toBe(201);
    expect((await newActivity(alice, 'the spring menu')).status).toBe(201);
    // Idea boxes are their own right, still everyone's.
    expect((await newActivity(bruno.api, 'ideas for the shop', 'ideas')).status).toBe(201);
  });

  it('inviting guests: a facilitator outside the group still invites colleagues, not people from outside', async () => {
    await alice.ok('PUT', '/api/organization/rights/inviteGuests', { everyone: false, groups: [managers] });
    const before = await count('SELECT COUNT(*) AS n FROM invitations');
    const outsider = await bruno.api.call<Answer>('POST', '/api/invitations', { email: 'olga@supplier.example', activityId: summer });
    expect(outsider.status).toBe(403);
    expect(outsider.body.error?.code).toBe('right_missing');
    expect(await count('SELECT COUNT(*) AS n FROM invitations')).toBe(before);
    const colleague = await bruno.api.call<{ guest?: boolean }>('POST', '/api/invitations', { email: 'david@durand.example', activityId: summer });
    expect(colleague.status).toBe(201);
    expect(colleague.body.guest).toBe(false);
  });

  it('inviting guests: a guest who already came in is not added to another activity by a facilitator outside the group, by invitation or by adding them; nothing changes', async () => {
    // Chloé (in the group) brings Olga in as a guest of her activity.
    const chloes = (await newActivity(chloe.api, 'the bakery')).body.id!;
    await chloe.api.ok('POST', '/api/invitations', { email: 'olga@supplier.example', activityId: chloes });
    const { messages } = await alice.ok<{ messages: { id: string; to: string }[] }>('GET', '/api/mail/messages?kind=invitation');
    const mail = await alice.ok<{ text: string }>('GET', `/api/mail/messages/${messages.find((m) => m.to === 'olga@supplier.example')!.id}`);
    await new Api(relay.url).ok('POST', `/api/invitations/${linkToken(mail.text, '/#/invite/')}/accept`, { name: 'Olga Fournier', password });
    const olga = (await queryStore<{ id: string }>(relay.dataDir, "SELECT id FROM users WHERE email = 'olga@supplier.example'"))[0]!.id;
    // Bruno, outside the group, facilitates another activity.
    const own = (await newActivity(alice, 'the autumn menu')).body.id!;
    await alice.ok('POST', `/api/activities/${own}/members`, { userId: bruno.id, role: 'facilitator' });
    const members = "SELECT COUNT(*) AS n FROM activity_members WHERE activity_id = ? AND subject_id = ?";
    const byInvitation = await bruno.api.call<Answer>('POST', '/api/invitations', { email: 'olga@supplier.example', activityId: own });
    expect(byInvitation.status).toBe(403);
    expect(byInvitation.body.error?.code).toBe('right_missing');
    const byAdding = await bruno.api.call<Answer>('POST', `/api/activities/${own}/members`, { userId: olga, role: 'contributor' });
    expect(byAdding.status).toBe(403);
    expect(byAdding.body.error?.code).toBe('right_missing');
    expect(await count(members, [own, olga])).toBe(0);
    // Chloé, in the group, may.
    const another = (await newActivity(chloe.api, 'the pastry')).body.id!;
    expect((await chloe.api.call('POST', `/api/activities/${another}/members`, { userId: olga, role: 'contributor' })).status).toBe(201);
    expect(await count(members, [another, olga])).toBe(1);
  });

  it('controlling daily figures: the group reads the figures, others are refused', async () => {
    expect((await chloe.api.call('GET', '/api/figures')).status).toBe(403);
    await alice.ok('PUT', '/api/organization/rights/controlFigures', { groups: [managers] });
    expect((await chloe.api.call('GET', '/api/figures')).status).toBe(200);
    expect((await bruno.api.call('GET', '/api/figures')).status).toBe(403);
    expect(await rightsOf(chloe.api)).toContain('controlFigures');
  });

  it('texting many and controlling figures are never set to everyone here; a group of another organisation is refused; nothing changes', async () => {
    const textMany = await alice.call<Answer>('PUT', '/api/organization/rights/textMany', { everyone: true, groups: [] });
    expect(textMany.status).toBe(400);
    expect((await alice.call<Answer>('PUT', '/api/organization/rights/controlFigures', { everyone: true, groups: [] })).status).toBe(400);
    await alice.ok('PUT', '/api/organization/rights/textMany', { groups: [managers] });
    expect(await rightsOf(chloe.api)).toContain('textMany');
    expect(await rightsOf(bruno.api)).not.toContain('textMany');
    const theirs = (await martin.ok<{ id: string }>('POST', '/api/groups', { name: 'Bakers', members: [] })).id;
    const foreign = await alice.call<Answer>('PUT', '/api/organization/rights/createActivities', { everyone: true, groups: [theirs] });
    expect(foreign.status).toBe(400);
    expect((await martin.call<Answer>('PUT', '/api/organization/rights/createActivities', { everyone: false, groups: [managers] })).status).toBe(400);
    const after = await alice.ok<OrganizationRights>('GET', '/api/organization/rights');
    expect(after.rights.find((r) => r.right === 'createActivities')).toMatchObject({ everyone: false, groups: [{ id: managers }] });
    // The other organisation keeps its defaults.
    expect(await rightsOf(martin)).toHaveLength(5);
  });
});

describe('the plan decides', () => {
  it('on Basic every default holds at once and nothing may be set; the grants come back with the plan', async () => {
    expect((await runOperator(relay.dataDir, ['plan', 'Maison Durand', 'basic'])).code).toBe(0);
    expect((await newActivity(bruno.api, 'the autumn menu')).status).toBe(201);
    expect((await chloe.api.call('GET', '/api/figures')).status).toBe(403);
    const refused = await alice.call<Answer>('PUT', '/api/organization/rights/createActivities', { everyone: true, groups: [] });
    expect(refused.status).toBe(402);
    expect(refused.body.error?.code).toBe('plan_limit');
    expect((await alice.ok<OrganizationRights>('GET', '/api/organization/rights')).perGroupSecurity).toBe(false);
    expect((await runOperator(relay.dataDir, ['plan', 'Maison Durand', 'pro'])).code).toBe(0);
    expect((await newActivity(bruno.api, 'the new year menu')).status).toBe(403);
    expect((await chloe.api.call('GET', '/api/figures')).status).toBe(200);
  });

  it('a deleted group takes its grants with it', async () => {
    expect((await alice.call('DELETE', `/api/groups/${managers}`)).status).toBeLessThan(300);
    expect(await count('SELECT COUNT(*) AS n FROM organization_right_groups')).toBe(0);
    expect((await newActivity(chloe.api, 'the last menu')).status).toBe(403);
    expect(await rightsOf(chloe.api)).toEqual(['openIdeaBoxes']);
  });
});
