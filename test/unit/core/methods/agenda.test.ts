import { describe, expect, it } from 'vitest';
import { AgendaItem, clockText, elapsedAt, maxElapsedMs, nextAgendaItem, plannedMinutes, timerView } from '#core/methods/agenda';

const item = (id: string, order: string, minutes: number, parked?: boolean): AgendaItem => ({
  id,
  text: id,
  minutes,
  parked,
  order,
  authorId: 'alice-000001',
  authorName: 'Alice',
  createdAt: '2026-12-06T09:00:00Z',
});
const items = [item('item-third1', 'a2', 5), item('item-first1', 'a0', 10), item('item-parked', 'a1', 30, true), item('item-secnd1', 'a1', 15)];
const t0 = Date.parse('2026-12-06T09:00:00Z');

describe('agenda timer maths', () => {
  it('counts from the start, adds what was counted before, counts nothing while paused', () => {
    expect(elapsedAt({ itemId: 'item-first1', startedAt: '2026-12-06T09:00:00Z', elapsedMs: 0 }, t0 + 90_000)).toBe(90_000);
    expect(elapsedAt({ itemId: 'item-first1', startedAt: '2026-12-06T09:00:00Z', elapsedMs: 30_000 }, t0 + 90_000)).toBe(120_000);
    expect(elapsedAt({ itemId: 'item-first1', startedAt: null, elapsedMs: 30_000 }, t0 + 90_000)).toBe(30_000);
  });

  it('a start in the future (a clock ahead) counts nothing, and a day is the most it counts', () => {
    expect(elapsedAt({ itemId: 'item-first1', startedAt: '2026-12-06T09:00:10Z', elapsedMs: 5_000 }, t0)).toBe(5_000);
    expect(elapsedAt({ itemId: 'item-first1', startedAt: '2026-12-06T09:00:00Z', elapsedMs: 0 }, t0 + 3 * maxElapsedMs)).toBe(maxElapsedMs);
  });

  it('shows the time left, then over time', () => {
    const running = { itemId: 'item-third1', startedAt: '2026-12-06T09:00:00Z', elapsedMs: 0 };
    expect(timerView(running, items, t0 + 60_000)).toMatchObject({ running: true, leftMs: 240_000, over: false });
    expect(timerView(running, items, t0 + 300_000)).toMatchObject({ leftMs: 0, over: false });
    expect(timerView(running, items, t0 + 372_000)).toMatchObject({ leftMs: -72_000, over: true });
    expect(timerView({ ...running, itemId: 'item-gone01' }, items, t0)).toBeNull();
    expect(timerView(null, items, t0)).toBeNull();
  });

  it('goes through the agenda in order, skipping the parking lot, and ends after the last', () => {
    expect(nextAgendaItem(items, null)?.id).toBe('item-first1');
    expect(nextAgendaItem(items, 'item-first1')?.id).toBe('item-secnd1');
    expect(nextAgendaItem(items, 'item-secnd1')?.id).toBe('item-third1');
    expect(nextAgendaItem(items, 'item-third1')).toBeNull();
    expect(plannedMinutes(items)).toBe(30);
  });

  it('writes durations as a clock', () => {
    expect(clockText(0)).toBe('0:00');
    expect(clockText(65_000)).toBe('1:05');
    expect(clockText(-72_000)).toBe('1:12');
    expect(clockText(3_725_000)).toBe('1:02:05');
  });

  it('a time box is whole minutes from 1 to 600', () => {
    for (const minutes of [0, 601, 2.5, '10']) expect(AgendaItem.safeParse({ ...item('item-first1', 'a0', 10), minutes }).success).toBe(false);
  });
});
