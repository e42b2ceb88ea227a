import { describe, expect, it } from 'vitest';
import { firingsBetween } from '#core/figures/schedule';
import { localRun, nextWeeklyRun, weeklyCron, weeklyOfCron, type Weekly } from '#core/figures/weekly';

/**
 * Days and a time in a named zone (core/figures/weekly.ts), written as the cron pattern
 * the scheduler decides on, and the next run read in the schedule's zone.
 * Europe/Paris: summer time from Sunday 29 March 2026 (02:00 → 03:00) to Sunday
 * 25 October 2026 (03:00 → 02:00), and again from Sunday 28 March 2027.
 */
const morning: Weekly = { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'], time: '09:00' };
const at = (iso: string) => new Date(iso);

describe('weekly schedule: days and a time', () => {
  it('writes the cron pattern the scheduler reads, and reads it back', () => {
    expect(weeklyCron(morning)).toBe('0 9 * * 1-6');
    expect(weeklyCron({ days: ['sat', 'sun'], time: '07:45' })).toBe('45 7 * * 0,6');
    expect(weeklyCron({ days: ['mon', 'wed', 'fri', 'thu'], time: '18:05' })).toBe('5 18 * * 1,3-5');
    expect(weeklyCron({ days: ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'], time: '00:00' })).toBe('0 0 * * *');
    for (const w of [morning, { days: ['sat', 'sun'], time: '07:45' }, { days: ['mon', 'wed', 'thu', 'fri'], time: '18:05' }] as Weekly[]) {
      expect(weeklyOfCron(weeklyCron(w))).toEqual(w);
    }
  });

  it('reads the simple patterns people typed before (names, 7 for Sunday) and refuses the others', () => {
    expect(weeklyOfCron('0 9 * * MON-FRI')).toEqual({ days: ['mon', 'tue', 'wed', 'thu', 'fri'], time: '09:00' });
    expect(weeklyOfCron('30 8 * * 7')).toEqual({ days: ['sun'], time: '08:30' });
    expect(weeklyOfCron('0 9,17 * * *')).toBeNull();
    expect(weeklyOfCron('0 9 1 1 *')).toBeNull();
    expect(weeklyOfCron('*/5 * * * *')).toBeNull();
    expect(weeklyOfCron('0 9 * * 6-1')).toBeNull();
  });

  it('refuses no day and a time that is not HH:MM', () => {
    expect(() => weeklyCron({ days: [], time: '09:00' })).toThrow(/at least one day/);
    expect(() => weeklyCron({ days: ['mon'], time: '9h' })).toThrow(/HH:MM/);
    expect(() => weeklyCron({ days: ['mon'], time: '24:00' })).toThrow(/HH:MM/);
  });
});

describe('weekly schedule across daylight-saving changes (Europe/Paris)', () => {
  it('spring: 09:00 stays 09:00 in Paris; the instant moves from 08:00 to 07:00 UTC', () => {
    // Saturday 28 March 2026, 10:00 in Paris: the next run is Monday (no Sunday), in summer time.
    const next = nextWeeklyRun(morning, 'Europe/Paris', at('2026-03-28T09:00:00Z'))!;
    expect(next.toISOString()).toBe('2026-03-30T07:00:00.000Z');
    expect(localRun(next, 'Europe/Paris', 'en')).toEqual({ date: 'Monday 30 March', time: '09:00' });
    expect(localRun(next, 'Europe/Paris', 'fr')).toEqual({ date: 'lundi 30 mars', time: '09:00' });
    expect(firingsBetween(weeklyCron(morning), 'Europe/Paris', at('2027-03-26T00:00:00Z'), at('2027-03-30T00:00:00Z'))).toEqual([
      at('2027-03-26T08:00:00Z'),
      at('2027-03-27T08:00:00Z'),
      at('2027-03-29T07:00:00Z'),
    ]);
  });

  it('autumn: 09:00 stays 09:00 in Paris; the instant moves from 07:00 to 08:00 UTC', () => {
    const next = nextWeeklyRun(morning, 'Europe/Paris', at('2026-10-24T08:00:00Z'))!;
    expect(next.toISOString()).toBe('2026-10-26T08:00:00.000Z');
    expect(localRun(next, 'Europe/Paris', 'en')).toEqual({ date: 'Monday 26 October', time: '09:00' });
  });

  it('a time skipped in spring fires once at the first valid minute; one met twice in autumn fires once', () => {
    const night: Weekly = { days: ['sun'], time: '02:30' };
    const spring = nextWeeklyRun(night, 'Europe/Paris', at('2026-03-28T12:00:00Z'))!;
    expect(spring.toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(localRun(spring, 'Europe/Paris', 'en')).toEqual({ date: 'Sunday 29 March', time: '03:00' });
    expect(firingsBetween(weeklyCron(night), 'Europe/Paris', at('2026-10-24T12:00:00Z'), at('2026-10-25T12:00:00Z'))).toEqual([
      at('2026-10-25T00:30:00Z'),
    ]);
  });

  it('the next run is told in the schedule\'s zone, whatever the reader\'s: 09:00 Paris is 03:00 in New York', () => {
    const next = nextWeeklyRun(morning, 'Europe/Paris', at('2026-12-05T10:00:00Z'))!; // Saturday after 09:00
    expect(next.toISOString()).toBe('2026-12-07T08:00:00.000Z');
    expect(localRun(next, 'Europe/Paris', 'en')).toEqual({ date: 'Monday 7 December', time: '09:00' });
    expect(localRun(next, 'America/New_York', 'en')).toEqual({ date: 'Monday 7 December', time: '03:00' });
    const tokyo = nextWeeklyRun(morning, 'Asia/Tokyo', at('2026-12-05T10:00:00Z'))!;
    expect(tokyo.toISOString()).toBe('2026-12-07T00:00:00.000Z');
  });
});
