import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPerson, Api, setUpOrganisation } from '../../support/api.ts';
import { insertion, sendUpdate } from '../../support/raw-client.ts';
import { startNodesOnRedis, type NodesOnRedis } from '../../support/relay-nodes.ts';

/**
 * How long a write on one node takes at most to count on another (CLUSTER.md N14: each node
 * adds what it counted to the day's totals in Redis every second and reads them back then),
 * with room to spare on a loaded machine: a balancer's next request to another node.
 */
const countedEverywhere = () => new Promise((r) => setTimeout(r, 3_000));

/**
 * SPEC U7 over several nodes (issue 19): a person's bytes of the day are counted over every
 * node, not by each room's owner alone — a person writing in rooms owned by two nodes would
 * otherwise get twice the quota; and an activity's, whichever node owns its room by turns.
 */
describe('daily write quotas across relay nodes (SPEC U7, CLUSTER.md N14)', () => {
  let cluster: NodesOnRedis;
  let admin: Api;
  const via = (node: number, api: Api) => new Api(cluster.nodes[node]!.url, api.token);

  beforeAll(async () => {
    cluster = await startNodesOnRedis(2, {
      // A room unloads (giving its lease back) soon after its last client left, so the next
      // client's node takes it: the test chooses which node owns which room.
      env: { CONCLAVE_PERSON_BYTES_PER_DAY: '100000', CONCLAVE_ACTIVITY_BYTES_PER_DAY: '150000', CONCLAVE_IDLE_UNLOAD_MS: '200' },
    });
    admin = await setUpOrganisation(cluster.nodes[0]!.url);
  }, 120_000);

  afterAll(async () => {
    await cluster?.stop();
  });

  async function activityWith(title: string, people: { id: string }[]) {
    const { id } = await admin.ok<{ id: string }>('POST', '/api/activities', { title, question: `${title}: what do we write?` });
    for (const p of people) await admin.ok('POST', `/api/activities/${id}/members`, { userId: p.id, role: 'contributor' });
    return id;
  }

  it('U7: a person writing in rooms owned by two nodes is refused once their bytes on both pass the quota; a restart gives none back', async () => {
    const ana = await addPerson(admin, 'Ana Lopes');
    const north = await activityWith('North', [ana]);
    const south = await activityWith('South', [ana]);
    // North's room lives on node A (its first client came through A), South's on node B.
    expect(await sendUpdate(via(0, ana.api), north, insertion('ana-north-1', 40_000))).toBeNull();
    expect(await sendUpdate(via(1, ana.api), south, insertion('ana-south-1', 40_000))).toBeNull();
    await countedEverywhere();
    // 80 kB of 100 kB written over both nodes: 40 kB more passes the quota on either.
    expect(await sendUpdate(via(0, ana.api), north, insertion('ana-north-2', 40_000))).toBe(4429);
    expect(await sendUpdate(via(1, ana.api), south, insertion('ana-south-2', 40_000))).toBe(4429);
    // Within what is left, she still writes.
    expect(await sendUpdate(via(0, ana.api), north, insertion('ana-north-3', 10_000))).toBeNull();

    for (let i = 0; i < cluster.nodes.length; i++) {
      await cluster.nodes[i]!.stop();
      cluster.nodes[i] = await cluster.nodes[i]!.restart();
    }
    expect(await sendUpdate(via(1, ana.api), north, insertion('ana-north-4', 40_000))).toBe(4429);
    expect(await sendUpdate(via(0, ana.api), south, insertion('ana-south-4', 40_000))).toBe(4429);
  }, 120_000);

  it('U7: an activity written through one node’s room, then another’s, is refused once its bytes on both pass its quota', async () => {
    const people = await Promise.all(['Ben Okafor', 'Carl Meyer', 'Dana Roy'].map((name) => addPerson(admin, name)));
    const [ben, carl, dana] = people;
    const east = await activityWith('East', people);
    // 120 kB of East's 150 kB, written while node A owns its room.
    expect(await sendUpdate(via(0, ben!.api), east, insertion('ben-1', 40_000))).toBeNull();
    expect(await sendUpdate(via(0, ben!.api), east, insertion('ben-2', 40_000))).toBeNull();
    expect(await sendUpdate(via(0, carl!.api), east, insertion('carl-1', 40_000))).toBeNull();
    // The room unloads on A once idle; Dana's client, through B, makes B its owner.
    await countedEverywhere();
    expect(await sendUpdate(via(1, dana!.api), east, insertion('dana-1', 40_000))).toBe(4429);
    expect(await sendUpdate(via(1, dana!.api), east, insertion('dana-2', 20_000))).toBeNull();
  }, 120_000);
});
