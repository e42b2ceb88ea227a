import { describe, expect, it } from 'vitest';
import { checkBudget, costOf } from '#core/sms/cost';
import { inQuietHours, nextSendable } from '#core/sms/quiet-hours';

const paris = { start: '21:00', end: '08:00', timeZone: 'Europe/Paris' };

describe('quiet hours', () => {
  it('holds a message at 22:30 in Paris until 08:00 local', () => {
    const at = new Date('2026-11-23T21:30:00Z'); // 22:30 in Paris (UTC+1)
    expect(inQuietHours(at, paris)).toBe(true);
    expect(nextSendable(at, paris).toISOString()).toBe('2026-11-24T07:00:00.000Z');
  });
  it('lets a message at noon go now', () => {
    const at = new Date('2026-11-23T11:00:00Z');
    expect(nextSendable(at, paris)).toBe(at);
  });
  it('uses the recipient\'s time zone', () => {
    const at = new Date('2026-11-23T21:30:00Z');
    expect(inQuietHours(at, { ...paris, timeZone: 'America/Montreal' })).toBe(false);
  });
  it('works across a daylight-saving change', () => {
    const at = new Date('2026-03-29T00:30:00Z'); // 01:30 CET, clocks jump at 02:00
    expect(nextSendable(at, paris).toISOString()).toBe('2026-03-29T06:00:00.000Z');
  });
});

describe('budget', () => {
  it('refuses beyond the monthly budget, allows up to it, and null means unlimited', () => {
    expect(checkBudget(900_000, costOf(2, 50_000), 1_000_000).allowed).toBe(true);
    expect(checkBudget(900_001, costOf(2, 50_000), 1_000_000).allowed).toBe(false);
    expect(checkBudget(1e12, 1, null).allowed).toBe(true);
  });
});
