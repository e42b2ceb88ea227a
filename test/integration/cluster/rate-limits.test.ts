import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passwordResetLimits } from '#core/api/people';
import { addPerson, Api, password, setUpOrganisation } from '../../support/api.ts';
import { callFrom } from '../../support/from-address.ts';
import { startNodesOnRedis, type NodesOnRedis } from '../../support/relay-nodes.ts';

/**
 * Rate limits over several nodes (issue 19: "rate limits work across nodes"): behind a
 * balancer requests land on every node in turn, so each node counts what every node took —
 * a guesser's failures (CLUSTER.md N12), a password reset asked for an address, a sign-up, a
 * comment (N13) — not a share of them each.
 */
describe('rate limits across relay nodes (CLUSTER.md N12, N13)', () => {
  let cluster: NodesOnRedis;
  let admin: Api;

  beforeAll(async () => {
    cluster = await startNodesOnRedis(2);
    admin = await setUpOrganisation(cluster.nodes[0]!.url);
    await addPerson(admin, 'Dana Roy');
  }, 120_000);

  afterAll(async () => {
    await cluster?.stop();
  });

  it('wrong guesses from one address, taken in turn by two nodes, are refused once the address’s 30 free tries are spent in all', async () => {
    const [a, b] = cluster.nodes;
    const statuses: number[] = [];
    for (let i = 0; i < 50 && statuses.at(-1) !== 429; i++) {
      const node = i % 2 === 0 ? a! : b!;
      // Each guess at another account (password spraying): only the address's count grows.
      const answer = await callFrom('127.0.0.21', node.url, 'POST', '/api/session', { email: `someone.${i}@elsewhere.example`, password: `wrong ${i}` });
      statuses.push(answer.status);
      // The failure reaches the other node through Redis in a moment: wait for it as a balancer's next request would take some time.
      await new Promise((r) => setTimeout(r, 20));
    }
    // Counted per node, the two nodes would take 60 before refusing; a failure still on its way to the other node may let a few more through.
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(40);
    // Both nodes hold the address now; another address is not held, and the owner signs in from it.
    expect((await callFrom('127.0.0.21', b!.url, 'POST', '/api/session', { email: 'dana.roy@durand.example', password })).status).toBe(429);
    expect((await callFrom('127.0.0.21', a!.url, 'POST', '/api/session', { email: 'dana.roy@durand.example', password })).status).toBe(429);
    expect((await callFrom('127.0.0.22', b!.url, 'POST', '/api/session', { email: 'dana.roy@durand.example', password })).status).toBe(201);
  }, 120_000);

  it('password resets for one e-mail address, asked of two nodes in turn, stop at the limit in all', async () => {
    const [a, b] = cluster.nodes;
    const statuses: number[] = [];
    for (let i = 0; i < passwordResetLimits.perEmail * 2; i++) {
      const node = i % 2 === 0 ? a! : b!;
      // Each from its own network address: only the e-mail address's count is shared.
      const answer = await callFrom(`127.0.0.${40 + i}`, node.url, 'POST', '/api/password-resets', { email: 'dana.roy@durand.example' });
      statuses.push(answer.status);
      // The count reaches the other node through Redis in a moment, as a balancer's next request would take some time.
      await new Promise((r) => setTimeout(r, 30));
    }
    expect(statuses.slice(0, passwordResetLimits.perEmail)).toEqual(Array(passwordResetLimits.perEmail).fill(202));
    expect(statuses.slice(passwordResetLimits.perEmail)).toEqual(Array(passwordResetLimits.perEmail).fill(429));
  }, 60_000);

  it('wrong guesses at one account from one address sent at once through two nodes stop at its 10 free tries in all: no failure is on its way to another node (CLUSTER.md N12)', async () => {
    const [a, b] = cluster.nodes;
    const guess = (i: number) =>
      callFrom('127.0.0.30', (i % 2 === 0 ? a : b)!.url, 'POST', '/api/session', { email: 'burst.guess@durand.example', password: `wrong ${i}` }).then((r) => r.status);
    const statuses = await Promise.all(Array.from({ length: 20 }, (_, i) => guess(i)));
    // One node alone checks 10 at once, then one at a time (the others wait for its verdict: 429).
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(11);
    expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
  }, 60_000);

  it('password resets for one e-mail address asked of two nodes at the same moment stop at the limit in all: no node’s count is on its way to another (CLUSTER.md N13)', async () => {
    const [a, b] = cluster.nodes;
    const ask = (node: typeof a, i: number) =>
      callFrom(`127.0.0.${80 + i}`, node!.url, 'POST', '/api/password-resets', { email: 'burst@elsewhere.example' }).then((r) => r.status);
    // As many at once through each node as the e-mail address may have in all.
    const statuses = await Promise.all(Array.from({ length: 2 * passwordResetLimits.perEmail }, (_, i) => ask(i % 2 === 0 ? a : b, i)));
    expect(statuses.filter((s) => s === 202)).toHaveLength(passwordResetLimits.perEmail);
    expect(statuses.filter((s) => s === 429)).toHaveLength(passwordResetLimits.perEmail);
  }, 60_000);

  /**
   * Asks `count` times, of the nodes in turn; the statuses, and how many the bucket may have
   * let through: `perMinute` at once, and one more each `60 / perMinute` seconds the asking took.
   */
  async function askInTurn(count: number, perMinute: number, ask: (api: Api, i: number) => Promise<number>) {
    const started = Date.now();
    const statuses: number[] = [];
    for (let i = 0; i < count; i++) statuses.push(await ask(new Api(cluster.nodes[i % 2]!.url, admin.token), i));
    const refilled = Math.floor(((Date.now() - started) / 60_000) * perMinute) + 1;
    return { statuses, allowed: perMinute + refilled };
  }

  it('templates saved by one person through two nodes in turn stop at 10 a minute in all (CLUSTER.md N15)', async () => {
    const { id: source } = await admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Weekly', question: 'What do we settle this week?', template: 'meeting' });
    const { statuses, allowed } = await askInTurn(20, 10, async (api, i) => (await api.call('POST', '/api/activity-templates', { activityId: source, name: `Weekly ${i}` })).status);
    // Counted per node, all 20 would pass (10 on each).
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(201));
    expect(statuses.filter((s) => s === 201).length).toBeLessThanOrEqual(allowed);
    expect(statuses.filter((s) => s !== 201 && s !== 429)).toEqual([]);
  }, 60_000);

  it('action items made by one person through two nodes in turn stop at 30 a minute in all (CLUSTER.md N15)', async () => {
    const omar = await addPerson(admin, 'Omar Owner');
    const { id: activityId } = await admin.ok<{ id: string }>('POST', '/api/activities', { title: 'Follow-ups', question: 'Who does what next?' });
    await admin.ok('POST', `/api/activities/${activityId}/members`, { userId: omar.id, role: 'contributor' });
    const item = (i: number) => ({ title: `Call supplier ${i}`, ownerId: omar.id, due: '2026-12-31' });
    const { statuses, allowed } = await askInTurn(60, 30, async (api, i) => (await api.call('POST', `/api/activities/${activityId}/actions`, item(i))).status);
    expect(statuses.slice(0, 30)).toEqual(Array(30).fill(201));
    expect(statuses.filter((s) => s === 201).length).toBeLessThanOrEqual(allowed);
    expect(statuses.filter((s) => s !== 201 && s !== 429)).toEqual([]);
  }, 120_000);

  // Last: it stops the nodes' Redis.
  it('with Redis gone, each node’s own rate windows and sign-in throttle hold alone: refused past their limits (429), never failed (CLUSTER.md N12, N13)', async () => {
    const [a] = cluster.nodes;
    await cluster.redis.stop();
    const resets: number[] = [];
    for (let i = 0; i <= passwordResetLimits.perEmail; i++) {
      resets.push((await callFrom(`127.0.0.${100 + i}`, a!.url, 'POST', '/api/password-resets', { email: 'alone@elsewhere.example' })).status);
    }
    expect(resets).toEqual([...Array<number>(passwordResetLimits.perEmail).fill(202), 429]);
    expect((await callFrom('127.0.0.120', a!.url, 'POST', '/api/session', { email: 'dana.roy@durand.example', password: 'not hers' })).status).toBe(401);
    expect((await callFrom('127.0.0.120', a!.url, 'POST', '/api/session', { email: 'dana.roy@durand.example', password })).status).toBe(201);
  }, 60_000);
});
