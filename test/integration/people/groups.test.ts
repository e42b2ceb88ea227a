import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActivityPerson } from '#core/api/activities';
import type { Group } from '#core/api/users';
import type { Api} from '../../support/api.ts';
import { addPerson, setUpOrganisation } from '../../support/api.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';

/**
 * The Groups screen's endpoints on a real relay: an administrator renames and deletes a
 * group, adds one person and removes one; the activities the group takes part in follow.
 */
type ErrorBody = { error: { code: string } };
let relay: RelayProcess;
let admin: Api;

beforeAll(async () => {
  relay = await startRelayProcess();
  admin = await setUpOrganisation(relay.url);
});
afterAll(async () => {
  await relay.stop();
  await removeDataDir(relay.dataDir);
});

const peopleOf = async (api: Api, activity: string) => (await api.ok<{ people: ActivityPerson[] }>('GET', `/api/activities/${activity}/people`)).people;

describe('groups', () => {
  it('an administrator adds one person, removes one, and the activity the group is in follows at once', async () => {
    const bea = await addPerson(admin, 'Bea Morel');
    const carl = await addPerson(admin, 'Carl Petit');
    const { id: group } = await admin.ok<{ id: string }>('POST', '/api/groups', { name: 'Buyers', members: [bea.id] });
    const { id: activity } = await admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Suppliers', question: 'Which supplier for 2027?' });
    await admin.ok('POST', `/api/activities/${activity}/members`, { groupId: group, role: 'contributor' });

    expect((await carl.api.call('GET', `/api/activities/${activity}`)).status).toBe(404);
    const added = await admin.ok<Group>('POST', `/api/groups/${group}/members`, { userId: carl.id });
    expect(added.members.sort()).toEqual([bea.id, carl.id].sort());
    // Adding someone already in it changes nothing.
    expect((await admin.ok<Group>('POST', `/api/groups/${group}/members`, { userId: carl.id })).members).toHaveLength(2);
    expect((await carl.api.call('GET', `/api/activities/${activity}`)).status).toBe(200);
    expect((await peopleOf(admin, activity)).find((p) => p.userId === carl.id)).toMatchObject({ role: 'contributor', via: 'group', group: { id: group, name: 'Buyers' } });

    const removed = await admin.ok<Group>('DELETE', `/api/groups/${group}/members/${bea.id}`);
    expect(removed.members).toEqual([carl.id]);
    expect((await bea.api.call('GET', `/api/activities/${activity}`)).status).toBe(404);
    const again = await admin.call<ErrorBody>('DELETE', `/api/groups/${group}/members/${bea.id}`);
    expect(again.status).toBe(404);

    const stranger = await admin.call<ErrorBody>('POST', `/api/groups/${group}/members`, { userId: 'NoSuchPerson0123' });
    expect(stranger.status).toBe(400);
    const byMember = await carl.api.call<ErrorBody>('POST', `/api/groups/${group}/members`, { userId: bea.id });
    expect(byMember.status).toBe(403);
    expect((await admin.ok<Group>('GET', `/api/groups/${group}`)).members).toEqual([carl.id]);
  });

  it('renaming keeps the members and refuses a name another group has', async () => {
    const dan = await addPerson(admin, 'Dan Leroy');
    const { id: group } = await admin.ok<{ id: string }>('POST', '/api/groups', { name: 'Sales', members: [dan.id] });
    await admin.ok('POST', '/api/groups', { name: 'Marketing' });
    expect(await admin.ok<Group>('PATCH', `/api/groups/${group}`, { name: 'Sales West' })).toEqual({ id: group, name: 'Sales West', members: [dan.id] });
    const taken = await admin.call<ErrorBody>('PATCH', `/api/groups/${group}`, { name: 'Marketing' });
    expect(taken.status).toBe(409);
    const empty = await admin.call<ErrorBody>('PATCH', `/api/groups/${group}`, { name: '  ' });
    expect(empty.status).toBe(400);
    expect((await admin.ok<Group>('GET', `/api/groups/${group}`)).name).toBe('Sales West');
    expect((await dan.api.call('PATCH', `/api/groups/${group}`, { name: 'Mine' })).status).toBe(403);
  });

  it('deleting a group takes away the roles it gave; a role given directly stays', async () => {
    const eve = await addPerson(admin, 'Eve Blanc');
    const fred = await addPerson(admin, 'Fred Noir');
    const { id: group } = await admin.ok<{ id: string }>('POST', '/api/groups', { name: 'Board', members: [eve.id, fred.id] });
    const { id: activity } = await admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Budget', question: 'What budget for 2027?' });
    await admin.ok('POST', `/api/activities/${activity}/members`, { groupId: group, role: 'contributor' });
    await admin.ok('POST', `/api/activities/${activity}/members`, { userId: fred.id, role: 'viewer' });

    expect((await eve.api.call('DELETE', `/api/groups/${group}`)).status).toBe(403);
    expect((await admin.call('DELETE', `/api/groups/${group}`)).status).toBe(204);
    expect((await admin.call('GET', `/api/groups/${group}`)).status).toBe(404);
    expect((await admin.call('DELETE', `/api/groups/${group}`)).status).toBe(404);
    expect((await eve.api.call('GET', `/api/activities/${activity}`)).status).toBe(404);
    const people = await peopleOf(admin, activity);
    expect(people.find((p) => p.userId === fred.id)).toMatchObject({ role: 'viewer', via: 'direct' });
    expect(people.find((p) => p.userId === eve.id)).toBeUndefined();
    const members = (await admin.ok<{ members: { kind: string }[] }>('GET', `/api/activities/${activity}/members`)).members;
    expect(members.filter((m) => m.kind === 'group')).toEqual([]);
    // The name is free again.
    expect((await admin.call('POST', '/api/groups', { name: 'Board' })).status).toBe(201);
  });
});
