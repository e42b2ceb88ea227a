import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPerson, setUpOrganisation, type Api } from '../../support/api.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { connectClient, synced, waitFor, type SyncClient } from '../../support/sync-client.ts';

/**
 * Roles through groups (README, "Roles in an activity"): a role given to the person
 * directly wins over their groups' roles; without one, the highest group role counts.
 * The relay (stock y-websocket clients on a real relay) and the Members tab's list
 * (`GET /api/activities/:id/people`) say the same.
 */
describe('a direct role wins over a group role (SPEC V1 with groups)', () => {
  let relay: RelayProcess;
  let admin: Api;
  let activityId: string;
  let victor: { id: string; api: Api };
  let gina: { id: string; api: Api };
  let groupId: string;
  const open: SyncClient[] = [];

  beforeAll(async () => {
    relay = await startRelayProcess();
    admin = await setUpOrganisation(relay.url);
    ({ id: activityId } = await admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Opening hours', question: 'Should the Lyon store open on Sundays?' }));
    victor = await addPerson(admin, 'Victor Viewer');
    gina = await addPerson(admin, 'Gina Groupe');
    ({ id: groupId } = await admin.ok<{ id: string }>('POST', '/api/groups', { name: 'Lyon team', members: [victor.id, gina.id] }));
    await admin.ok('POST', `/api/activities/${activityId}/members`, { groupId, role: 'contributor' });
    await admin.ok('POST', `/api/activities/${activityId}/members`, { userId: victor.id, role: 'viewer' });
  });

  afterAll(async () => {
    for (const c of open) c.destroy();
    await relay.stop();
    await removeDataDir(relay.dataDir);
  });

  it('the Members list shows each effective role and where it comes from', async () => {
    const { people } = await admin.ok<{ people: { name: string; role: string; via: string; group: { name: string } | null; overridden: { groupName: string; role: string } | null }[] }>(
      'GET',
      `/api/activities/${activityId}/people`,
    );
    const byName = Object.fromEntries(people.map((p) => [p.name, p]));
    expect(byName['Victor Viewer']).toMatchObject({ role: 'viewer', via: 'direct', group: null, overridden: { groupName: 'Lyon team', role: 'contributor' } });
    expect(byName['Gina Groupe']).toMatchObject({ role: 'contributor', via: 'group', group: { name: 'Lyon team' }, overridden: null });
    // The person's own view of the activity agrees.
    expect((await victor.api.ok<{ myRole: string }>('GET', `/api/activities/${activityId}`)).myRole).toBe('viewer');
    const listed = await victor.api.ok<{ activities: { id: string; myRole: string }[] }>('GET', '/api/activities');
    expect(listed.activities.find((a) => a.id === activityId)?.myRole).toBe('viewer');
  });

  it("the relay drops the direct viewer's edit although their group contributes; the group member's edit goes through", async () => {
    const viewer = await connectClient(victor.api, activityId);
    const member = await connectClient(gina.api, activityId);
    const facilitator = await connectClient(admin, activityId);
    open.push(viewer, member, facilitator);
    await Promise.all([synced(viewer), synced(member), synced(facilitator)]);

    // A root any editor may write (boards are the facilitator's, SPEC W5): only the role is judged here.
    viewer.doc.getMap('notes').set('forged', 'by the viewer');
    await waitFor(() => viewer.denied.length > 0, 5_000, 'permission-denied');
    member.doc.getMap('notes').set('real', 'by the group member');
    await waitFor(() => facilitator.doc.getMap('notes').get('real') === 'by the group member');
    expect(facilitator.doc.getMap('notes').has('forged')).toBe(false);

    // Without the direct role, the group's contributor role counts. (A fresh document: the
    // refused edit stays in the old one, and Yjs would hold later edits back behind it.)
    await admin.ok('DELETE', `/api/activities/${activityId}/members/users/${victor.id}`);
    const again = await connectClient(victor.api, activityId);
    open.push(again);
    await synced(again);
    again.doc.getMap('notes').set('now', 'through the group');
    await waitFor(() => facilitator.doc.getMap('notes').get('now') === 'through the group', 5_000, 'edit through the group');
    const { people } = await admin.ok<{ people: { name: string; role: string; via: string }[] }>('GET', `/api/activities/${activityId}/people`);
    expect(people.find((p) => p.name === 'Victor Viewer')).toMatchObject({ role: 'contributor', via: 'group' });
  });
});
