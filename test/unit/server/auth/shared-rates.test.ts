import { describe, expect, it } from 'vitest';
import pino from 'pino';
import { SharedRates, type AtomicRates } from '../../../../server/auth/shared-rates.ts';
import { RedisRates } from '../../../../server/cluster/redis-rates.ts';
import { keepRedisBusy, useRedis } from '../../../support/redis-clients.ts';

const log = pino({ level: 'silent' });

describe('rate windows shared by the relay nodes (CLUSTER.md N13)', () => {
  it('tells each count taken here, by the window’s name, and counts those taken elsewhere without telling them again', async () => {
    const told: [string, string, number][] = [];
    const rates = new SharedRates();
    const resets = rates.window('password-resets.email', 3, 3_600_000);
    rates.connect((name, key, at) => told.push([name, key, at]));
    expect(await resets.take('dana@durand.example', 1_000)).toBe(0);
    expect(told).toEqual([['password-resets.email', 'dana@durand.example', 1_000]]);
    // Two taken on other nodes: the third here is refused, and nothing more is told.
    rates.takenElsewhere('password-resets.email', 'dana@durand.example', 2_000);
    rates.takenElsewhere('password-resets.email', 'dana@durand.example', 3_000);
    expect(await resets.take('dana@durand.example', 4_000)).toBeGreaterThan(0);
    expect(told).toHaveLength(1);
    // A refused count is told to no one; another key, or a window of another name, is not touched.
    expect(await resets.take('eve@durand.example', 4_000)).toBe(0);
    rates.takenElsewhere('comments.account', 'eve@durand.example', 4_000);
    expect(resets.waitFor('eve@durand.example', 4_000)).toBe(0);
  });

  it('counts taken elsewhere reach every window of that name on this node', () => {
    const rates = new SharedRates();
    const first = rates.window('comments.account', 1, 60_000);
    const second = rates.window('comments.account', 1, 60_000);
    rates.takenElsewhere('comments.account', 'u1', 10);
    expect(first.waitFor('u1', 20)).toBeGreaterThan(0);
    expect(second.waitFor('u1', 20)).toBeGreaterThan(0);
  });
});

describe('rate windows of two relay nodes on a real redis-server (CLUSTER.md N13)', () => {
  const redis = useRedis();

  async function node(name: string) {
    const rates = new SharedRates();
    rates.shareThrough(new RedisRates(await redis.client(name)), log);
    return rates;
  }

  it('a count given back on one node is given back on the others too: their own windows do not keep it', async () => {
    const a = await node('a');
    const b = await node('b');
    // Each node tells the other, as the bus does.
    a.connect((name, key, at, change) => (change === 'taken' ? b.takenElsewhere(name, key, at) : b.givenBackElsewhere(name, key, at)));
    b.connect((name, key, at, change) => (change === 'taken' ? a.takenElsewhere(name, key, at) : a.givenBackElsewhere(name, key, at)));
    const onA = a.window('invitations.inviter', 2, 86_400_000);
    const onB = b.window('invitations.inviter', 2, 86_400_000);
    const now = Date.now();
    // Taken on B, then given back there (the invitation was refused after all): nothing is counted.
    expect(await onB.take('ines', now)).toBe(0);
    await onB.giveBack('ines', now);
    expect(await onA.take('ines', now + 1)).toBe(0);
    expect(await onA.take('ines', now + 2)).toBe(0);
    expect(await onB.take('ines', now + 3)).toBeGreaterThan(0);
  });

  it('while Redis does not answer, one request at a time waits for it: the others are judged by this node alone at once', async () => {
    const real = new RedisRates(await redis.client('slow', 1_000));
    let asked = 0;
    const counting: AtomicRates = {
      takeWindows: (takes, now, member) => {
        asked++;
        return real.takeWindows(takes, now, member);
      },
      giveBackWindow: (name, key, at, prefix) => real.giveBackWindow(name, key, at, prefix),
      takeToken: (name, key, perSecond, burst, now) => real.takeToken(name, key, perSecond, burst, now),
    };
    const rates = new SharedRates();
    rates.shareThrough(counting, log);
    const tickets = rates.window('sync.tickets', 100, 60_000);
    // Redis busy for 2.5 s: the first take waits out the command timeout (1 s).
    const blocking = keepRedisBusy(await redis.client('busy'), 2_500);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = Date.now();
    expect(await tickets.take('first', now)).toBe(0);
    asked = 0;
    const takes = await Promise.all(Array.from({ length: 10 }, (_, i) => tickets.take(`person-${i}`, now + i)));
    expect(takes).toEqual(Array(10).fill(0));
    expect(asked).toBe(1);
    await blocking;
    // Redis answering again: every take is judged there again.
    expect(await tickets.take('later', Date.now())).toBe(0);
    expect(await tickets.take('later', Date.now())).toBe(0);
    expect(asked).toBe(3);
  });
});
