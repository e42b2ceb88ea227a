import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addComment } from '#core/doc/comments';
import { addPerson, setUpOrganisation, type Api } from '../../support/api.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { connectClient, synced, waitFor } from '../../support/sync-client.ts';

type ErrorBody = { error: { code: string; message: string } };
type Activity = { id: string; title: string; status: string; myRole: string };

describe('activities API', () => {
  let relay: RelayProcess;
  let admin: Api;
  let bob: { id: string; api: Api };
  let activityId: string;

  beforeAll(async () => {
    relay = await startRelayProcess();
    admin = await setUpOrganisation(relay.url);
    bob = await addPerson(admin, 'Bob Martin');
    ({ id: activityId } = await admin.ok<{ id: string }>('POST', '/api/activities', {
      title: 'Lyon store',
      question: 'Should we open a store in Lyon next spring?',
      description: 'Lease offer expires in March.',
    }));
  });

  afterAll(async () => {
    await relay.stop();
    await removeDataDir(relay.dataDir);
  });

  it('needs a title and a precise question', async () => {
    const res = await admin.call<ErrorBody>('POST', '/api/activities', { title: 'Vague', question: 'Why?' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/question/);
  });

  it('the creator is its facilitator; it starts as a draft', async () => {
    const a = await admin.ok<Activity>('GET', `/api/activities/${activityId}`);
    expect(a).toMatchObject({ title: 'Lyon store', status: 'draft', myRole: 'facilitator' });
  });

  it('a stranger cannot see it (404, not 403) nor find it in a list', async () => {
    expect((await bob.api.call('GET', `/api/activities/${activityId}`)).status).toBe(404);
    const { activities } = await bob.api.ok<{ activities: Activity[] }>('GET', '/api/activities');
    expect(activities.map((a) => a.id)).not.toContain(activityId);
  });

  it('members by person or by group, with roles that can change; only facilitators manage them', async () => {
    await admin.ok('POST', `/api/activities/${activityId}/members`, { userId: bob.id, role: 'viewer' });
    expect((await bob.api.ok<Activity>('GET', `/api/activities/${activityId}`)).myRole).toBe('viewer');
    const carol = await addPerson(admin, 'Carol Petit');
    const denied = await bob.api.call<ErrorBody>('POST', `/api/activities/${activityId}/members`, { userId: carol.id, role: 'contributor' });
    expect(denied.status).toBe(403);

    const { id: groupId } = await admin.ok<{ id: string }>('POST', '/api/groups', { name: 'Committee', members: [bob.id, carol.id] });
    await admin.ok('POST', `/api/activities/${activityId}/members`, { groupId, role: 'contributor' });
    // A role given directly wins over what a group brings (README, "Roles in an activity").
    expect((await bob.api.ok<Activity>('GET', `/api/activities/${activityId}`)).myRole).toBe('viewer');
    expect((await carol.api.ok<Activity>('GET', `/api/activities/${activityId}`)).myRole).toBe('contributor');

    const { members } = await admin.ok<{ members: { kind: string; name: string; role: string }[] }>(
      'PATCH',
      `/api/activities/${activityId}/members/users/${bob.id}`,
      { role: 'facilitator' },
    );
    expect(members.find((m) => m.name === 'Bob Martin')?.role).toBe('facilitator');
    await admin.ok('DELETE', `/api/activities/${activityId}/members/groups/${groupId}`);
    expect((await carol.api.call('GET', `/api/activities/${activityId}`)).status).toBe(404);
  });

  it('an activity always keeps a facilitator', async () => {
    const { id } = await admin.ok<{ id: string }>('POST', '/api/activities', {
      title: 'Solo',
      question: 'Can the only facilitator leave their activity?',
    });
    const me = await admin.ok<{ id: string }>('GET', '/api/me');
    const res = await admin.call<ErrorBody>('DELETE', `/api/activities/${id}/members/users/${me.id}`);
    expect(res.status).toBe(409);
  });

  it('unknown people and malformed member requests are refused', async () => {
    const res = await admin.call<ErrorBody>('POST', `/api/activities/${activityId}/members`, { userId: 'nobody-at-all-1', role: 'viewer' });
    expect(res.status).toBe(400);
    const both = await admin.call<ErrorBody>('POST', `/api/activities/${activityId}/members`, { userId: bob.id, groupId: bob.id, role: 'viewer' });
    expect(both.status).toBe(400);
    const role = await admin.call<ErrorBody>('POST', `/api/activities/${activityId}/members`, { userId: bob.id, role: 'owner' });
    expect(role.status).toBe(400);
  });

  it('lists mine, by status, with search', async () => {
    await admin.ok('POST', '/api/activities', { title: 'Paris warehouse', question: 'Do we move the Paris warehouse to Gennevilliers?' });
    const { id: open } = await admin.ok<{ id: string }>('POST', '/api/activities', {
      title: '100% organic',
      question: 'Do we switch the bakery range to organic flour?',
    });
    await admin.ok('PATCH', `/api/activities/${open}`, { status: 'open' });
    const byStatus = await admin.ok<{ activities: Activity[] }>('GET', '/api/activities?status=open');
    expect(byStatus.activities.map((a) => a.id)).toEqual([open]);
    const search = await admin.ok<{ activities: Activity[] }>('GET', '/api/activities?q=warehouse');
    expect(search.activities.map((a) => a.title)).toEqual(['Paris warehouse']);
    const percent = await admin.ok<{ activities: Activity[] }>('GET', '/api/activities?q=100%25');
    expect(percent.activities.map((a) => a.title)).toEqual(['100% organic']);
    const bad = await admin.call<ErrorBody>('GET', '/api/activities?status=lost');
    expect(bad.status).toBe(400);
  });

  it('history tells who changed what and when, from the relay log', async () => {
    const first = await connectClient(admin, activityId);
    await synced(first);
    first.doc.getText('notes').insert(0, 'agenda');
    const client = await connectClient(bob.api, activityId);
    await synced(client);
    await waitFor(() => client.doc.getText('notes').toString() === 'agenda');
    first.destroy();
    // A comment names its author as the relay knows them (SPEC W1); Bob is a facilitator here.
    addComment(client.doc, { id: 'comment-bob-01', author: { id: bob.id, name: 'Bob Martin' }, at: new Date(), body: '{"t":1}', text: 'first comment', mentions: [] });
    client.doc.getMap('methods').set('pros-cons', 'draft');
    const check = await connectClient(admin, activityId);
    await waitFor(() => check.doc.getArray('comments').length === 1 && check.doc.getMap('methods').has('pros-cons'));
    check.destroy();
    client.destroy();
    const { entries } = await admin.ok<{ entries: { userName: string; summary: string[]; updates: number }[] }>(
      'GET',
      `/api/activities/${activityId}/history`,
    );
    expect(entries[0]?.userName).toBe('Bob Martin');
    expect(entries[0]?.summary).toEqual(expect.arrayContaining(['comments', 'methods/pros-cons']));
    expect(entries.at(-1)?.userName).toBe('Alice Durand');
    const stranger = await addPerson(admin, 'Nora Outsider');
    expect((await stranger.api.call('GET', `/api/activities/${activityId}/history`)).status).toBe(404);
  });
});
