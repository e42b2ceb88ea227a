import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPerson, setUpOrganisation, type Api } from '../../support/api.ts';
import { accepted, closeAll, openRaw, refusals, ticketFor, type RawOutcome } from '../../support/raw-client.ts';
import { removeDataDir, startRelayProcess, type RelayProcess } from '../../support/relay.ts';
import { connectClient, synced, waitFor } from '../../support/sync-client.ts';

async function newActivity(api: Api, title: string) {
  const { id } = await api.ok<{ id: string }>('POST', '/api/activities', { title, question: `What do we decide about ${title}?` });
  return id;
}

/** Opens `count` sockets for one person, `batch` at a time; every outcome, in order. */
async function openMany(api: Api, activityId: string, count: number, batch = 25): Promise<RawOutcome[]> {
  const outcomes: RawOutcome[] = [];
  for (let done = 0; done < count; done += batch) {
    const n = Math.min(batch, count - done);
    const tickets = await Promise.all(Array.from({ length: n }, () => ticketFor(api, activityId)));
    outcomes.push(...(await Promise.all(tickets.map((t) => openRaw(`${t.url}/${t.room}?ticket=${t.ticket}`)))));
  }
  return outcomes;
}


describe('connection caps per person, per address and rooms per person (SPEC C1–C3)', () => {
  let relay: RelayProcess;
  let admin: Api;
  let activityId: string;

  beforeAll(async () => {
    relay = await startRelayProcess({
      env: {
        CONCLAVE_MAX_CONNECTIONS_PER_PERSON: '20',
        CONCLAVE_MAX_CONNECTIONS_PER_ADDRESS: '30',
        CONCLAVE_MAX_ROOMS_PER_PERSON: '3',
        CONCLAVE_TICKETS_PER_MINUTE: '100000',
      },
    });
    admin = await setUpOrganisation(relay.url);
    activityId = await newActivity(admin, 'the spring catalogue');
  });

  afterAll(async () => {
    await relay.stop();
    await removeDataDir(relay.dataDir);
  });

  it('C1: of 500 sockets of one person, CONCLAVE_MAX_CONNECTIONS_PER_PERSON are accepted; the rest are refused at the upgrade with 429', async () => {
    const outcomes = await openMany(admin, activityId, 500);
    const inside = accepted(outcomes);
    expect(inside).toHaveLength(20);
    const refused = refusals(outcomes);
    expect(refused).toHaveLength(480);
    for (const r of refused) {
      expect(r.status).toBe(429);
      expect(JSON.parse(r.body)).toMatchObject({ error: { code: 'rate_limited', message: expect.stringMatching(/connections/) } });
    }
    // A place freed is a place taken again.
    await closeAll(inside.slice(0, 5));
    const again = await openMany(admin, activityId, 6);
    expect(accepted(again)).toHaveLength(5);
    await closeAll([...inside.slice(5), ...accepted(again)]);
  });

  it('C2: connections from one address beyond CONCLAVE_MAX_CONNECTIONS_PER_ADDRESS are refused with 429, whoever they are', async () => {
    const bea = await addPerson(admin, 'Bea Address');
    await admin.ok('POST', `/api/activities/${activityId}/members`, { userId: bea.id, role: 'contributor' });
    const first = accepted(await openMany(admin, activityId, 20));
    expect(first).toHaveLength(20);
    const second = await openMany(bea.api, activityId, 15);
    expect(accepted(second)).toHaveLength(10);
    for (const r of refusals(second)) {
      expect(r.status).toBe(429);
      expect(r.body).toMatch(/address/);
    }
    await closeAll([...first, ...accepted(second)]);
  });

  it('C3: a person has live connections in at most CONCLAVE_MAX_ROOMS_PER_PERSON rooms; more sockets to an open room are fine', async () => {
    const rooms = [activityId, ...(await Promise.all(['the fleet', 'the canteen', 'the car park'].map((t) => newActivity(admin, t))))];
    const inRooms = await Promise.all(rooms.slice(0, 3).map((room) => openMany(admin, room, 1)));
    expect(inRooms.map((o) => o[0]!.opened)).toEqual([true, true, true]);
    const fourth = (await openMany(admin, rooms[3]!, 1))[0]!;
    expect(fourth.opened).toBe(false);
    if (!fourth.opened) {
      expect(fourth.status).toBe(429);
      expect(fourth.body).toMatch(/activities/);
    }
    const sameRoom = (await openMany(admin, rooms[0]!, 1))[0]!;
    expect(sameRoom.opened).toBe(true);
    // A stock client into an open room syncs as usual.
    const client = await connectClient(admin, rooms[1]!);
    await synced(client);
    client.destroy();
    await closeAll([...inRooms.flatMap(accepted), ...accepted([sameRoom])]);
  });
});

describe('tickets per person per minute (SPEC C4)', () => {
  let relay: RelayProcess;
  let admin: Api;
  let activityId: string;

  beforeAll(async () => {
    relay = await startRelayProcess({ env: { CONCLAVE_TICKETS_PER_MINUTE: '30' } });
    admin = await setUpOrganisation(relay.url);
    activityId = await newActivity(admin, 'the opening hours');
  });

  afterAll(async () => {
    await relay.stop();
    await removeDataDir(relay.dataDir);
  });

  it('C4: a person asking more than CONCLAVE_TICKETS_PER_MINUTE tickets gets 429 rate_limited with a clear message; others still get theirs', async () => {
    const noor = await addPerson(admin, 'Noor Tickets');
    await admin.ok('POST', `/api/activities/${activityId}/members`, { userId: noor.id, role: 'contributor' });
    const path = `/api/activities/${activityId}/sync-ticket`;
    const answers = [];
    for (let i = 0; i < 35; i++) answers.push(await noor.api.call<{ error?: { code: string; message: string } }>('POST', path));
    expect(answers.slice(0, 30).every((a) => a.status === 201)).toBe(true);
    for (const a of answers.slice(30)) {
      expect(a.status).toBe(429);
      expect(a.body.error?.code).toBe('rate_limited');
      expect(a.body.error?.message).toMatch(/tickets.*minute/);
    }
    expect((await admin.call('POST', path)).status).toBe(201);
    // Sync itself is untouched for someone under the cap.
    const client = await connectClient(admin, activityId);
    await waitFor(() => client.provider.synced, 10_000, 'sync');
    client.destroy();
  });
});
