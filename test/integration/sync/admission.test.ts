import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPerson, setUpOrganisation, type Api } from '../../support/api.ts';
import { openRaw, ticketFor } from '../../support/raw-client.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { connectClient, synced, waitFor } from '../../support/sync-client.ts';

describe('admission to a room (SPEC T1–T4, V2)', () => {
  let relay: RelayProcess;
  let admin: Api;
  let activityId: string;
  let secret: string;

  beforeAll(async () => {
    relay = await startRelayProcess({ env: { CONCLAVE_TICKET_SECONDS: '2' } });
    admin = await setUpOrganisation(relay.url);
    ({ id: activityId } = await admin.ok<{ id: string }>('POST', '/api/activities', {
      title: 'Pricing',
      question: 'Which price do we set for the spring range?',
    }));
    // Something in the document that a refused connection must never see.
    secret = 'confidential-margin-figures';
    const writer = await connectClient(admin, activityId);
    await synced(writer);
    writer.doc.getMap('methods').set('note', secret);
    await waitFor(() => writer.provider.synced && !writer.provider.wsconnecting);
    const check = await connectClient(admin, activityId);
    await waitFor(() => check.doc.getMap('methods').get('note') === secret);
    writer.destroy();
    check.destroy();
  });

  afterAll(async () => {
    await relay.stop();
    await removeDataDir(relay.dataDir);
  });

  const syncUrl = (room: string, ticket?: string) =>
    `${relay.url.replace('http', 'ws')}/sync/${room}${ticket === undefined ? '' : `?ticket=${ticket}`}`;

  it('T3: no ticket is refused at the upgrade with 401 and no byte of the document', async () => {
    const outcome = await openRaw(syncUrl(activityId));
    expect(outcome.opened).toBe(false);
    if (!outcome.opened) {
      expect(outcome.status).toBe(401);
      expect(outcome.body).not.toContain(secret);
    }
  });

  it('T3: a made-up ticket is refused with 401', async () => {
    const outcome = await openRaw(syncUrl(activityId, 'x'.repeat(43)));
    expect(outcome.opened ? 'opened' : outcome.status).toBe(401);
  });

  it('T3: a path that names no room is refused with 404', async () => {
    const outcome = await openRaw(`${relay.url.replace('http', 'ws')}/elsewhere`);
    expect(outcome.opened ? 'opened' : outcome.status).toBe(404);
  });

  it('T1: a ticket is single use', async () => {
    const t = await ticketFor(admin, activityId);
    const first = await openRaw(`${t.url}/${t.room}?ticket=${t.ticket}`);
    expect(first.opened).toBe(true);
    const second = await openRaw(`${t.url}/${t.room}?ticket=${t.ticket}`);
    expect(second.opened ? 'opened' : second.status).toBe(401);
    if (first.opened) first.client.socket.close();
  });

  it('T1: two connections racing with one ticket: exactly one gets in', async () => {
    const t = await ticketFor(admin, activityId);
    const url = `${t.url}/${t.room}?ticket=${t.ticket}`;
    const outcomes = await Promise.all([openRaw(url), openRaw(url), openRaw(url)]);
    expect(outcomes.filter((o) => o.opened)).toHaveLength(1);
    for (const o of outcomes) if (o.opened) o.client.socket.close();
  });

  it('T2: an expired ticket is refused', async () => {
    const t = await ticketFor(admin, activityId);
    await new Promise((r) => setTimeout(r, 2_200));
    const outcome = await openRaw(`${t.url}/${t.room}?ticket=${t.ticket}`);
    expect(outcome.opened ? 'opened' : outcome.status).toBe(401);
    if (!outcome.opened) expect(outcome.body).toContain('expired');
  });

  it('T2: a ticket admits only the room it was issued for', async () => {
    const { id: other } = await admin.ok<{ id: string }>('POST', '/api/activities', {
      title: 'Other',
      question: 'Do we renew the logistics contract?',
    });
    const t = await ticketFor(admin, other);
    const outcome = await openRaw(syncUrl(activityId, t.ticket));
    expect(outcome.opened ? 'opened' : outcome.status).toBe(401);
  });

  it('a stranger cannot get a ticket for an activity they are not in', async () => {
    const eve = await addPerson(admin, 'Eve Stranger');
    const res = await eve.api.call('POST', `/api/activities/${activityId}/sync-ticket`);
    expect(res.status).toBe(404);
  });

  it('T4/V2: a member removed while connected is cut off at once with 4403 and cannot come back', async () => {
    const carol = await addPerson(admin, 'Carol Petit');
    await admin.ok('POST', `/api/activities/${activityId}/members`, { userId: carol.id, role: 'contributor' });
    const client = await connectClient(carol.api, activityId);
    await synced(client);
    expect(client.doc.getMap('methods').get('note')).toBe(secret);
    await admin.ok('DELETE', `/api/activities/${activityId}/members/users/${carol.id}`);
    await waitFor(() => client.closes.some((c) => c.code === 4403), 5_000, 'close 4403');
    const again = await carol.api.call('POST', `/api/activities/${activityId}/sync-ticket`);
    expect(again.status).toBe(404);
    client.destroy();
  });

  it("V3: revoking a person's sessions ends their live connections with 4401", async () => {
    const erin = await addPerson(admin, 'Erin Revoked');
    await admin.ok('POST', `/api/activities/${activityId}/members`, { userId: erin.id, role: 'contributor' });
    const client = await connectClient(erin.api, activityId);
    await synced(client);
    await admin.ok('POST', `/api/users/${erin.id}/revoke-sessions`);
    await waitFor(() => client.closes.some((c) => c.code === 4401), 5_000, 'close 4401');
    expect((await erin.api.call('POST', `/api/activities/${activityId}/sync-ticket`)).status).toBe(401);
    client.destroy();
  });

  it('V2: a member of a group loses access when removed from the group', async () => {
    const dan = await addPerson(admin, 'Dan Leroy');
    const { id: groupId } = await admin.ok<{ id: string }>('POST', '/api/groups', { name: 'Board', members: [dan.id] });
    await admin.ok('POST', `/api/activities/${activityId}/members`, { groupId, role: 'contributor' });
    const client = await connectClient(dan.api, activityId);
    await synced(client);
    await admin.ok('PUT', `/api/groups/${groupId}/members`, { members: [] });
    await waitFor(() => client.closes.some((c) => c.code === 4403), 5_000, 'close 4403');
    client.destroy();
  });
});
