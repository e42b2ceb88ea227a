import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPerson, Api, setUpOrganisation } from '../../support/api.ts';
import { accepted, closeAll, openRaw, refusals, ticketFor, type RawClient, type RawOutcome } from '../../support/raw-client.ts';
import { startRedis, type RedisProcess } from '../../support/redis.ts';
import { removeDataDir, type RelayProcess } from '../../support/relay.ts';
import { startNodes } from '../../support/relay-nodes.ts';

/** Opens `count` sockets for one person through one node, one after the other; every outcome. */
async function openVia(api: Api, activityId: string, count: number): Promise<RawOutcome[]> {
  const outcomes: RawOutcome[] = [];
  for (let i = 0; i < count; i++) {
    const t = await ticketFor(api, activityId);
    outcomes.push(await openRaw(`${t.url}/${t.room}?ticket=${t.ticket}`));
  }
  return outcomes;
}


/**
 * Opens sockets until `count` are open, retrying a refusal for up to 10 s: places given back
 * when sockets closed reach Redis a moment after the client saw them close.
 */
async function openAccepted(api: Api, activityId: string, count: number): Promise<RawClient[]> {
  const open: RawClient[] = [];
  const deadline = Date.now() + 10_000;
  while (open.length < count && Date.now() < deadline) {
    const [outcome] = await openVia(api, activityId, 1);
    if (outcome?.opened) open.push(outcome.client);
    else await new Promise((r) => setTimeout(r, 100));
  }
  return open;
}

/**
 * SPEC C1–C3 across nodes (issue 19: "rate limits work across nodes"): a person's live
 * connections, an address's and a person's open activities are counted over every live
 * node, not per node — behind a balancer, three nodes would otherwise admit three times the
 * cap. A node that dies takes its places with it.
 */
describe('connection caps across relay nodes (SPEC C1–C3, CLUSTER.md N11)', () => {
  let redis: RedisProcess;
  let nodes: RelayProcess[];
  let dataDir: string;
  let admin: Api;
  let activityId: string;
  const open: RawClient[] = [];

  beforeAll(async () => {
    redis = await startRedis();
    ({ nodes, dataDir } = await startNodes(2, {
      redisUrl: redis.url,
      env: { CONCLAVE_MAX_CONNECTIONS_PER_PERSON: '6', CONCLAVE_MAX_CONNECTIONS_PER_ADDRESS: '10', CONCLAVE_MAX_ROOMS_PER_PERSON: '2', CONCLAVE_TICKETS_PER_MINUTE: '100000' },
    }));
    admin = await setUpOrganisation(nodes[0]!.url);
    ({ id: activityId } = await admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Spring catalogue', question: 'Which products?' }));
  }, 120_000);

  afterAll(async () => {
    for (const c of open) c.socket.terminate();
    for (const node of nodes ?? []) await node.stop();
    await redis?.stop();
    if (dataDir) await removeDataDir(dataDir);
  });

  const via = (node: number, api: Api) => new Api(nodes[node]!.url, api.token);

  it('C1: a person’s connections through two nodes together stop at the cap; a place freed on one node is taken on the other', async () => {
    const onA = await openVia(via(0, admin), activityId, 4);
    const onB = await openVia(via(1, admin), activityId, 4);
    expect(accepted(onA)).toHaveLength(4);
    expect(accepted(onB)).toHaveLength(2);
    for (const r of refusals(onB)) {
      expect(r.status).toBe(429);
      expect(r.body).toMatch(/live connections/);
    }
    await closeAll(accepted(onA).slice(0, 1));
    const again = await openAccepted(via(1, admin), activityId, 1);
    expect(again).toHaveLength(1);
    expect(accepted(await openVia(via(1, admin), activityId, 1))).toHaveLength(0);
    await closeAll([...accepted(onA).slice(1), ...accepted(onB), ...again]);
  });

  it('C2 and C3: an address’s connections and a person’s open activities are counted over both nodes', async () => {
    const bea = await addPerson(admin, 'Bea Address');
    const carl = await addPerson(admin, 'Carl Rooms');
    const rooms: string[] = [];
    for (const title of ['North', 'South', 'East']) {
      const { id } = await admin.ok<{ id: string }>('POST', '/api/activities', { title, question: `Open the ${title} store?` });
      for (const p of [bea, carl]) await admin.ok('POST', `/api/activities/${id}/members`, { userId: p.id, role: 'contributor' });
      rooms.push(id);
    }
    // C3: Carl opens one activity on each node; a third, on either, is refused.
    const carlNorth = accepted(await openVia(via(0, carl.api), rooms[0]!, 1));
    const carlSouth = accepted(await openVia(via(1, carl.api), rooms[1]!, 1));
    expect([carlNorth.length, carlSouth.length]).toEqual([1, 1]);
    const carlEast = await openVia(via(0, carl.api), rooms[2]!, 1);
    expect(refusals(carlEast).map((r) => r.status)).toEqual([429]);
    expect(refusals(carlEast)[0]!.body).toMatch(/activities open/);
    open.push(...carlNorth, ...carlSouth);
    // C2: from this one address, 2 places are Carl's; the cap of 10 is reached through both nodes.
    const beaA = accepted(await openVia(via(0, bea.api), rooms[0]!, 4));
    const aliceB = await openAccepted(via(1, admin), rooms[0]!, 4);
    expect([beaA.length, aliceB.length]).toEqual([4, 4]);
    open.push(...beaA, ...aliceB);
    // Ten from this address now, through both nodes: Bea, below her own cap, is refused for the address's.
    const beaB = await openVia(via(1, bea.api), rooms[0]!, 2);
    expect(accepted(beaB)).toHaveLength(0);
    expect(refusals(beaB).map((r) => r.status)).toEqual([429, 429]);
    expect(refusals(beaB)[0]!.body).toMatch(/address/);
    await closeAll(open.splice(0));
  });

  it('a node killed with its clients’ places gives them back: the person connects again through the other node', async () => {
    const onB = await openAccepted(via(1, admin), activityId, 6);
    expect(onB).toHaveLength(6);
    expect(accepted(await openVia(via(0, admin), activityId, 1))).toHaveLength(0);
    await nodes[1]!.kill9();
    await Promise.all(onB.map((c) => c.closed));
    // Once node B is dead to the others (its heartbeat lapsed), its places count no more.
    const deadline = Date.now() + 20_000;
    let back: RawClient[] = [];
    while (back.length === 0 && Date.now() < deadline) {
      back = accepted(await openVia(via(0, admin), activityId, 1));
      if (back.length === 0) await new Promise((r) => setTimeout(r, 250));
    }
    expect(back).toHaveLength(1);
    open.push(...back);
  }, 60_000);
});
