import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrganizationUsage } from '#core/api/organizations';
import { Api, addPerson, password, setUpOrganisation } from '../../support/api.ts';
import { plainJpeg } from '../../support/images.ts';
import { runOperator, writeStore } from '../../support/operator.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { queryStore } from '../../support/store-reader.ts';
import { connectClient, refusedUpgrade, waitFor } from '../../support/sync-client.ts';
import { postIdeaForm } from '../ideas/support.ts';

/**
 * Plans enforced by a real relay holding two organisations (one set up, one signed up),
 * both on the Basic plan (CONCLAVE_DEFAULT_PLAN=basic): each limit refused at the edge and
 * accepted below, refusals change nothing, the operator CLI (run as `npm run operator`)
 * changes a plan or suspends an organisation and the relay follows at once.
 */
type Answer = { id?: string; error?: { code: string; message: string; planLimit?: unknown } };
let relay: RelayProcess;
let durand: Api;
let martin: Api;
let martinOrg: string;
let durandOrg: string;

const newActivity = (api: Api, n: number) => api.call<Answer>('POST', '/api/activities', { title: `Question ${n}`, question: `What do we decide about point ${n}?` });
const count = async (sql: string, params: string[] = []) => (await queryStore<{ n: number }>(relay.dataDir, sql, params))[0]?.n ?? -1;

beforeAll(async () => {
  relay = await startRelayProcess({ env: { CONCLAVE_SIGNUP: 'open', CONCLAVE_DEFAULT_PLAN: 'basic' } });
  durand = await setUpOrganisation(relay.url);
  const { token } = await new Api(relay.url).ok<{ token: string }>('POST', '/api/organizations', {
    organization: 'Boulangerie Martin',
    name: 'Bruno Martin',
    email: 'bruno@martin.example',
    password,
  });
  martin = durand.as(token);
  const orgs = await queryStore<{ id: string; name: string }>(relay.dataDir, 'SELECT id, name FROM organizations');
  durandOrg = orgs.find((o) => o.name === 'Maison Durand')!.id;
  martinOrg = orgs.find((o) => o.name === 'Boulangerie Martin')!.id;
}, 60_000);

afterAll(async () => {
  await relay?.stop();
  if (relay) await removeDataDir(relay.dataDir);
});

describe('open activities per person (Basic: 5)', () => {
  it('the fifth is accepted, the sixth refused plan_limit naming the limit and the plan, and nothing is created', async () => {
    for (let n = 1; n <= 5; n++) expect((await newActivity(durand, n)).status).toBe(201);
    const usage = await durand.ok<OrganizationUsage>('GET', '/api/organization/usage');
    expect(usage).toMatchObject({ plan: 'basic', planName: 'Basic', me: { openActivities: 5 }, lifts: { openActivities: 'Professional' } });
    expect(usage.limits).toEqual({ openActivitiesPerPerson: 5, storageBytesPerPerson: 250 * 1024 * 1024, retentionDays: 365, perGroupSecurity: false });

    const refused = await newActivity(durand, 6);
    expect(refused.status).toBe(402);
    expect(refused.body.error?.code).toBe('plan_limit');
    expect(refused.body.error?.message).toMatch(/Basic plan allows 5 open activities per person/);
    expect(refused.body.error?.message).toMatch(/Professional/);
    expect(refused.body.error?.planLimit).toEqual({ limit: 'openActivities', planName: 'Basic', max: 5, used: 5, lift: 'Professional' });
    expect(await count('SELECT COUNT(*) AS n FROM activities WHERE org_id = ?', [durandOrg])).toBe(5);
  });

  it('the limit is per person and per organisation: a colleague and another organisation still create', async () => {
    const colleague = await addPerson(durand, 'Chloé Durand');
    expect((await newActivity(colleague.api, 1)).status).toBe(201);
    expect((await newActivity(martin, 1)).status).toBe(201);
  });

  it('a decided or archived activity no longer counts; reopening one past the limit is refused and changes nothing', async () => {
    const me = await durand.ok<{ id: string }>('GET', '/api/me');
    const { activities } = await durand.ok<{ activities: { id: string; facilitatorId: string }[] }>('GET', '/api/activities');
    const archived = activities.find((a) => a.facilitatorId === me.id)!.id;
    await durand.ok('PATCH', `/api/activities/${archived}`, { status: 'archived' });
    expect((await newActivity(durand, 7)).status).toBe(201);
    const reopen = await durand.call<Answer>('PATCH', `/api/activities/${archived}`, { status: 'open' });
    expect([reopen.status, reopen.body.error?.code]).toEqual([402, 'plan_limit']);
    expect((await queryStore<{ status: string }>(relay.dataDir, 'SELECT status FROM activities WHERE id = ?', [archived]))[0]?.status).toBe('archived');
  });

  it('a plan change by the operator holds at once: on Professional the sixth is accepted, back on Basic refused again', async () => {
    const changed = await runOperator(relay.dataDir, ['plan', 'Maison Durand', 'pro']);
    expect(changed.code, changed.stderr).toBe(0);
    expect(changed.stdout).toContain('Maison Durand: plan basic → pro');
    expect((await newActivity(durand, 8)).status).toBe(201);
    expect((await durand.ok<OrganizationUsage>('GET', '/api/organization/usage')).planName).toBe('Professional');
    expect((await runOperator(relay.dataDir, ['plan', durandOrg, 'basic'])).code).toBe(0);
    expect((await newActivity(durand, 9)).body.error?.code).toBe('plan_limit');
  });
});

describe('storage per person (Basic: 250 MB)', () => {
  it('a photo that reaches the limit exactly is accepted, the next refused plan_limit; nothing is stored', async () => {
    const author = await addPerson(durand, 'Ida Idées');
    const { id: box } = await author.api.ok<{ id: string }>('POST', '/api/activities', {
      title: 'Ideas',
      question: 'How do we save energy this winter?',
      kind: 'ideas',
      categories: ['Energy'],
    });
    const photo = { bytes: plainJpeg, name: 'p.jpg', type: 'image/jpeg' };
    const post = (n: number) => postIdeaForm(author.api, box, { title: `Idea number ${n}`, text: 'Turn it down.', category: 'Energy' }, photo);
    expect((await post(1)).status).toBe(201);
    const [first] = await queryStore<{ idea_id: string; bytes: number }>(relay.dataDir, 'SELECT idea_id, bytes FROM idea_photos WHERE owner_id = ?', [author.id]);
    const size = first!.bytes;
    const limit = 250 * 1024 * 1024;
    // As if earlier photos took all but two more of this size.
    await writeStore(relay.dataDir, 'UPDATE idea_photos SET bytes = ? WHERE idea_id = ?', [limit - 2 * size, first!.idea_id]);
    expect((await post(2)).status).toBe(201);
    expect((await post(3)).status).toBe(201);
    const usage = await author.api.ok<OrganizationUsage>('GET', '/api/organization/usage');
    expect(usage.me.storageBytes).toBe(limit);
    const refused = await post(4);
    expect([refused.status, refused.body.error?.code]).toEqual([402, 'plan_limit']);
    expect(refused.body.error?.message).toMatch(/Basic plan allows 250 MB of storage per person/);
    expect(await count('SELECT COUNT(*) AS n FROM ideas WHERE activity_id = ?', [box])).toBe(3);
  });
});

describe('usage figures', () => {
  it('an administrator sees everyone of their organisation only; a member sees their own figures only', async () => {
    const admin = await durand.ok<OrganizationUsage>('GET', '/api/organization/usage');
    expect(admin.people?.map((p) => p.name).sort()).toEqual(['Alice Durand', 'Chloé Durand', 'Ida Idées']);
    expect(admin.totals?.people).toBe(3);
    const member = await (await addPerson(durand, 'Marc Membre')).api.ok<OrganizationUsage>('GET', '/api/organization/usage');
    expect([member.people, member.totals, member.me.name]).toEqual([null, null, 'Marc Membre']);
    const other = await martin.ok<OrganizationUsage>('GET', '/api/organization/usage');
    expect(other.people?.map((p) => p.name)).toEqual(['Bruno Martin']);
    expect(JSON.stringify(other)).not.toContain('Durand');
  });
});

describe('the operator CLI', () => {
  it('lists organisations with plan, status and figures, shows one organisation per person, and refuses wrong commands', async () => {
    const list = await runOperator(relay.dataDir, ['list', '--json']);
    expect(list.code, list.stderr).toBe(0);
    const orgs = JSON.parse(list.stdout) as { name: string; plan: string; suspended: boolean; people: number }[];
    expect(orgs.map((o) => [o.name, o.plan, o.suspended])).toEqual([
      ['Maison Durand', 'basic', false],
      ['Boulangerie Martin', 'basic', false],
    ]);
    const text = await runOperator(relay.dataDir, ['usage', 'boulangerie martin']);
    expect(text.stdout).toContain('Boulangerie Martin');
    expect(text.stdout).toMatch(/Bruno Martin\s+1 \/ 5/);
    const unknown = await runOperator(relay.dataDir, ['plan', 'Nobody Inc', 'pro']);
    expect([unknown.code, unknown.stderr]).toEqual([1, expect.stringContaining('No organisation "Nobody Inc"')]);
    const badPlan = await runOperator(relay.dataDir, ['plan', martinOrg, 'gold']);
    expect([badPlan.code, badPlan.stderr]).toEqual([1, expect.stringContaining('not a plan')]);
    expect((await runOperator(relay.dataDir, ['suspend'])).code).toBe(2);
    expect(await queryStore(relay.dataDir, 'SELECT plan, suspended_at FROM organizations WHERE id = ?', [martinOrg])).toEqual([{ plan: 'basic', suspended_at: null }]);
  });

  it('a suspended organisation is refused at sign-in, on every request and at the sync socket, its open connections are closed; the other goes on; resuming restores it', async () => {
    const { activities } = await martin.ok<{ activities: { id: string }[] }>('GET', '/api/activities');
    const activity = activities[0]!.id;
    const ticket = await martin.ok<{ url: string; room: string; ticket: string }>('POST', `/api/activities/${activity}/sync-ticket`);
    const live = await connectClient(martin, activity);
    await waitFor(() => live.provider.synced, 20_000, 'the live client synced');
    expect((await runOperator(relay.dataDir, ['suspend', 'Boulangerie Martin'])).code).toBe(0);
    // A connection already open is closed by the relay's watch, and cannot come back.
    await waitFor(() => live.closes.length > 0, 30_000, 'the live connection of the suspended organisation closed');
    live.destroy();

    const request = await martin.call<Answer>('GET', '/api/me');
    expect([request.status, request.body.error?.code]).toEqual([403, 'organization_suspended']);
    const signIn = await new Api(relay.url).call<Answer>('POST', '/api/session', { email: 'bruno@martin.example', password });
    expect([signIn.status, signIn.body.error?.code]).toEqual([403, 'organization_suspended']);
    const upgrade = await refusedUpgrade(`${ticket.url}/${ticket.room}?ticket=${ticket.ticket}`);
    expect(upgrade.status).toBe(403);
    expect(upgrade.body).toContain('organization_suspended');
    expect((await durand.call('GET', '/api/me')).status).toBe(200);
    expect((await runOperator(relay.dataDir, ['list'])).stdout).toMatch(/Boulangerie Martin\s+basic\s+suspended/);

    expect((await runOperator(relay.dataDir, ['resume', martinOrg])).code).toBe(0);
    expect((await martin.call('GET', '/api/me')).status).toBe(200);
    expect((await new Api(relay.url).call('POST', '/api/session', { email: 'bruno@martin.example', password })).status).toBe(201);
  });
});
