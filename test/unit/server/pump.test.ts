import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { Pump } from '../../../server/pump.ts';

const log = pino({ level: 'silent' });
const until = async (predicate: () => boolean, what: string) => {
  const started = Date.now();
  while (!predicate()) {
    if (Date.now() - started > 5_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

/** A store of due times, as the polls and decision tables are for the real timers. */
function store(times: number[]) {
  const due = [...times];
  const done: number[] = [];
  return {
    done,
    next: async () => (due.length === 0 ? null : new Date(Math.min(...due)).toISOString()),
    work: async () => {
      const now = Date.now();
      for (const t of [...due].filter((x) => x <= now)) {
        due.splice(due.indexOf(t), 1);
        done.push(t);
      }
    },
    add: (t: number) => due.push(t),
  };
}

describe('the pump behind every background worker', () => {
  it('does at start what fell due while it was stopped, then what comes due later', async () => {
    const past = Date.now() - 60_000;
    const soon = Date.now() + 150;
    const s = store([past, soon]);
    const timer = new Pump('test', { log, now: () => new Date(), next: s.next, work: s.work });
    await timer.start();
    expect(s.done).toEqual([past]);
    await until(() => s.done.length === 2, 'the later one');
    expect(s.done).toEqual([past, soon]);
    await timer.stop();
  });

  it('looks again when woken, and does nothing once stopped', async () => {
    const s = store([]);
    const timer = new Pump('test', { log, now: () => new Date(), next: s.next, work: s.work });
    await timer.start();
    const soon = Date.now() + 100;
    s.add(soon);
    timer.wake();
    await until(() => s.done.length === 1, 'the added one');
    await timer.stop();
    s.add(Date.now() + 50);
    timer.wake();
    await new Promise((r) => setTimeout(r, 200));
    expect(s.done).toEqual([soon]);
  });

  it('keeps going when the work fails once', async () => {
    let calls = 0;
    const s = store([Date.now() + 50]);
    const timer = new Pump('test', {
      log,
      now: () => new Date(),
      next: s.next,
      work: async () => {
        calls += 1;
        if (calls === 2) throw new Error('disk full');
        await s.work();
      },
    });
    await timer.start();
    await until(() => s.done.length === 1, 'a retry after the failure');
    await timer.stop();
    expect(calls).toBe(3); // at start, the failed attempt, the retry

  });

  it('runs once more after a run that was woken during it, never two runs at once', async () => {
    let release: () => void = () => undefined;
    let runs = 0;
    let overlapping = 0;
    let active = 0;
    const timer = new Pump('test', {
      log,
      now: () => new Date(),
      work: async () => {
        runs += 1;
        active += 1;
        overlapping = Math.max(overlapping, active);
        if (runs === 2) await new Promise<void>((r) => (release = r));
        active -= 1;
      },
    });
    await timer.start();
    timer.wake();
    await until(() => runs === 2, 'the second run');
    timer.wake();
    timer.wake();
    timer.wake();
    release();
    await until(() => runs === 3 && active === 0, 'one more run for the three wakes');
    await timer.stop();
    expect(runs).toBe(3);
    expect(overlapping).toBe(1);
  });
});
